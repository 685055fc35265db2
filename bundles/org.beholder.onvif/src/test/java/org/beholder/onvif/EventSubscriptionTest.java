package org.beholder.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.beholder.onvif.SubscriptionState.Status;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakePullPoint;
import org.beholder.onvif.testserver.Fixtures;
import org.beholder.onvif.testserver.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull-point loop against the loopback device, step by step on a manual clock. */
class EventSubscriptionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String PULL_ACTION =
            "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest";

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private final List<SubscriptionState> states = new CopyOnWriteArrayList<>();
    private final CameraEventListener listener = new CameraEventListener() {
        @Override
        public void onEvent(CameraEvent event) {
            events.add(event);
        }

        @Override
        public void onStateChanged(SubscriptionState state) {
            states.add(state);
        }
    };
    private FakeDevice device;
    private FakePullPoint pullPoint;
    private OnvifDevice onvif;

    @BeforeEach
    void start() throws Exception {
        device = new FakeDevice("admin", "pw", Duration.ofMinutes(-42)).clock(scheduler::now);
        device.answer("GetServices", Fixtures.filled("GetServices.xml"));
        pullPoint = new FakePullPoint(device);
        onvif = new OnvifClient(OnvifOptions.DEFAULTS.withClock(scheduler::now))
                .connect(device.deviceService(), new Credentials("admin", "pw"));
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private void runUntil(Instant time) {
        while (scheduler.now().isBefore(time)) {
            assertTrue(scheduler.runNext(), "the loop always has a next step");
        }
    }

    @Test
    void eventsFlowWithAddressingHeadersAndReferenceParameters() {
        try (EventSubscription subscription = subscribe()) {
            scheduler.runNext();
            assertEquals(Status.HEALTHY, subscription.state().status());

            pullPoint.queue(FakePullPoint.motion(true));
            scheduler.runNext();

            assertEquals(1, events.size());
            CameraEvent motion = events.get(0);
            assertEquals(CameraEventKind.MOTION, motion.kind());
            assertEquals(Boolean.TRUE, motion.active());
            assertEquals("vsc1", motion.sourceToken());
            FakeDevice.Received pull = device.received("PullMessages").get(0);
            assertEquals("/onvif/pullpoint/1", pull.path());
            assertEquals(PULL_ACTION, pull.addressingAction());
            assertEquals(device.uri("/onvif/pullpoint/1").toString(), pull.addressingTo());
            assertTrue(pull.body().contains("SubscriptionId"), "reference parameters are echoed as headers");
            assertEquals("PT20S", Xml.text(pull.operationElement(), "Timeout").orElseThrow());
            assertTrue(device.received("CreatePullPointSubscription").get(0).addressingAction()
                    .endsWith("EventPortType/CreatePullPointSubscriptionRequest"));
        }
    }

    @Test
    void aSubscriptionAddressOnAnotherHostIsReachedOnTheHostThatAnswered() {
        pullPoint.reportHost("10.20.30.40");
        try (EventSubscription subscription = subscribe()) {
            scheduler.runNext();
            pullPoint.queue(FakePullPoint.motion(true));
            scheduler.runNext();

            assertEquals(Status.HEALTHY, subscription.state().status());
            assertEquals(1, events.size());
            assertEquals("/onvif/pullpoint/1", device.received("PullMessages").get(0).path());
        }
    }

    @Test
    void renewsSixtySecondsBeforeTheTerminationTime() {
        try (EventSubscription subscription = subscribe()) {
            runUntil(T0.plusSeconds(59));
            assertTrue(device.received("Renew").isEmpty());

            runUntil(T0.plusSeconds(62));
            assertEquals(1, device.received("Renew").size());
            assertTrue(device.received("Renew").get(0).addressingAction().endsWith("SubscriptionManager/RenewRequest"));

            // Renewed every minute, the subscription outlives its first 120 s by far.
            runUntil(T0.plusSeconds(600));
            assertEquals(1, pullPoint.created());
            assertEquals(Status.HEALTHY, subscription.state().status());
        }
    }

    @Test
    void aForgottenSubscriptionIsRecreatedAndEventsKeepFlowing() {
        try (EventSubscription subscription = subscribe()) {
            scheduler.runNext();
            scheduler.runNext();
            pullPoint.drop();
            pullPoint.queue(FakePullPoint.motion(true));

            scheduler.runNext();
            SubscriptionState lost = subscription.state();
            assertEquals(Status.RESUBSCRIBING, lost.status());
            assertTrue(lost.reason().contains("Subscription not found"), lost.reason());
            assertEquals(Duration.ofSeconds(1), lost.retryIn());

            scheduler.runNext();
            assertEquals(2, pullPoint.created());
            scheduler.runNext();
            assertEquals(1, events.size());
            assertEquals(List.of(Status.STARTING, Status.HEALTHY, Status.RESUBSCRIBING, Status.HEALTHY),
                    states.stream().map(SubscriptionState::status).toList());
        }
    }

    @Test
    void backoffDoublesUpToFiveMinutesAndResetsAfterFiveHealthyMinutes() {
        try (EventSubscription subscription = subscribe()) {
            pullPoint.refuseSubscriptions(true);
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                scheduler.runNext();
                assertEquals(Status.RESUBSCRIBING, subscription.state().status());
                assertTrue(subscription.state().reason().contains("Too many subscriptions"));
                waits.add(subscription.state().retryIn().toSeconds());
            }
            assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L), waits);

            pullPoint.refuseSubscriptions(false);
            scheduler.runNext();
            assertEquals(Status.HEALTHY, subscription.state().status());
            // Lost again after a short healthy spell: the backoff stays high.
            runUntil(scheduler.now().plusSeconds(10));
            pullPoint.drop();
            scheduler.runNext();
            assertEquals(Status.RESUBSCRIBING, subscription.state().status());
            assertEquals(Duration.ofSeconds(300), subscription.state().retryIn());

            // Healthy for five minutes: the next loss is retried after the first backoff again.
            runUntil(scheduler.now().plusSeconds(301));
            assertEquals(Status.HEALTHY, subscription.state().status());
            runUntil(scheduler.now().plusSeconds(301));
            pullPoint.drop();
            scheduler.runNext();
            assertEquals(Status.RESUBSCRIBING, subscription.state().status());
            assertEquals(Duration.ofSeconds(1), subscription.state().retryIn());
        }
    }

    @Test
    void closeUnsubscribesAndStopsTheLoop() {
        EventSubscription subscription = subscribe();
        scheduler.runNext();
        scheduler.runNext();
        int pulls = device.received("PullMessages").size();

        subscription.close();

        FakeDevice.Received unsubscribe = device.received("Unsubscribe").get(0);
        assertEquals("/onvif/pullpoint/1", unsubscribe.path());
        assertTrue(unsubscribe.addressingAction().endsWith("SubscriptionManager/UnsubscribeRequest"));
        assertFalse(pullPoint.alive("/onvif/pullpoint/1"));
        assertEquals(Status.STOPPED, subscription.state().status());
        while (scheduler.runNext()) {
            // what was scheduled before close runs and does nothing
        }
        assertEquals(pulls, device.received("PullMessages").size());
    }

    @Test
    void onItsOwnThreadEventsKeepFlowingAcrossADroppedSubscription() throws Exception {
        device.clock(Instant::now);
        OnvifDevice realTime = new OnvifClient().connect(device.deviceService(), new Credentials("admin", "pw"));
        LinkedBlockingQueue<CameraEvent> received = new LinkedBlockingQueue<>(100);
        try (EventSubscription subscription = realTime.subscribeEvents(received::offer)) {
            pullPoint.queue(FakePullPoint.motion(true));
            CameraEvent first = received.poll(10, TimeUnit.SECONDS);
            assertEquals(Boolean.TRUE, first == null ? null : first.active());

            pullPoint.drop();
            pullPoint.queue(FakePullPoint.motion(false));
            CameraEvent second = received.poll(15, TimeUnit.SECONDS);
            assertEquals(Boolean.FALSE, second == null ? null : second.active());
            assertTrue(pullPoint.created() >= 2);
        }
    }

    private EventSubscription subscribe() {
        try {
            return onvif.subscribeEvents(listener, scheduler);
        } catch (OnvifException e) {
            throw new AssertionError(e);
        }
    }
}
