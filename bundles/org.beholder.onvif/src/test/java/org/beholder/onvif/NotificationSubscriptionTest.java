package org.beholder.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.onvif.SubscriptionState.Status;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakeDevice.Answer;
import org.beholder.onvif.testserver.FakePullPoint;
import org.beholder.onvif.testserver.Fixtures;
import org.beholder.onvif.testserver.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Basic Notification, the fallback for devices without a pull point, on a manual clock. */
class NotificationSubscriptionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI CONSUMER = URI.create("http://10.0.0.2:8080/beholder/onvif/notify/3f9c2a");
    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" "
            + "xmlns:tt=\"http://www.onvif.org/ver10/schema\"><s:Body>%s</s:Body></s:Envelope>";

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private final CameraEventListener listener = events::add;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicBoolean forget = new AtomicBoolean();
    private FakeDevice device;
    private OnvifDevice onvif;

    @BeforeEach
    void start() throws Exception {
        device = new FakeDevice("admin", "pw", Duration.ofDays(-400)).clock(scheduler::now);
        device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                .answer("Subscribe", r -> Answer.ok(ENVELOPE.formatted("<wsnt:SubscribeResponse>"
                        + "<wsnt:SubscriptionReference><wsa:Address>" + device.uri("/onvif/subscription/"
                                + subscriptions.incrementAndGet()) + "</wsa:Address></wsnt:SubscriptionReference>"
                        + times() + "</wsnt:SubscribeResponse>")))
                .answer("Renew", r -> forget.get()
                        ? new Answer(500, FakeDevice.fault("wsrf-rw:ResourceUnknownFault", "unknown subscription"),
                                Map.of(), 0)
                        : Answer.ok(ENVELOPE.formatted("<wsnt:RenewResponse>" + times() + "</wsnt:RenewResponse>")))
                .answer("Unsubscribe", ENVELOPE.formatted("<wsnt:UnsubscribeResponse/>"));
        onvif = new OnvifClient(OnvifOptions.DEFAULTS.withClock(scheduler::now))
                .connect(device.deviceService(), new Credentials("admin", "pw"));
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private String times() {
        Instant now = device.deviceNow();
        return "<wsnt:CurrentTime>" + now + "</wsnt:CurrentTime><wsnt:TerminationTime>" + now.plusSeconds(120)
                + "</wsnt:TerminationTime>";
    }

    private static byte[] notify(String subscriptionPath, String message) {
        String reference = subscriptionPath == null ? "" : "<wsnt:SubscriptionReference><wsa:Address>http://127.0.0.1"
                + subscriptionPath + "</wsa:Address></wsnt:SubscriptionReference>";
        return ENVELOPE.formatted("<wsnt:Notify>" + message.replace("<wsnt:NotificationMessage>",
                "<wsnt:NotificationMessage>" + reference) + "</wsnt:Notify>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void subscribesWithTheConsumerAddressAndAcceptsOnlyTheDevicesNotifications() throws Exception {
        try (NotificationSubscription subscription = onvif.subscribeNotifications(CONSUMER, listener, scheduler)) {
            scheduler.runNext();
            assertEquals(Status.HEALTHY, subscription.state().status());
            FakeDevice.Received subscribe = device.received("Subscribe").get(0);
            assertEquals(CONSUMER.toString(), Xml.text(subscribe.operationElement(), "ConsumerReference", "Address")
                    .orElseThrow());
            assertTrue(subscribe.addressingAction().endsWith("NotificationProducer/SubscribeRequest"));

            assertEquals(1, subscription.accept(notify("/onvif/subscription/1", FakePullPoint.motion(true)),
                    "127.0.0.1"));
            assertEquals(CameraEventKind.MOTION, events.get(0).kind());

            assertEquals(-1, subscription.accept(notify("/onvif/subscription/1", FakePullPoint.motion(true)),
                    "10.6.6.6"), "another sender");
            assertEquals(-1, subscription.accept(notify("/onvif/subscription/99", FakePullPoint.motion(true)),
                    "127.0.0.1"), "another subscription");
            assertEquals(-1, subscription.accept("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                    .getBytes(StandardCharsets.UTF_8), "127.0.0.1"), "not a Notify");
            assertEquals(1, subscription.accept(notify(null, FakePullPoint.motion(false)), "127.0.0.1"),
                    "a Notify without subscription reference is accepted from the device");
            assertEquals(2, events.size());
        }
    }

    @Test
    void renewsBeforeTerminationAndResubscribesWhenForgotten() throws Exception {
        try (NotificationSubscription subscription = onvif.subscribeNotifications(CONSUMER, listener, scheduler)) {
            scheduler.runNext();
            scheduler.runNext();
            assertEquals(T0.plusSeconds(60), scheduler.now(), "renewed 60 s before the 120 s termination");
            assertEquals(1, device.received("Renew").size());
            assertEquals("/onvif/subscription/1", device.received("Renew").get(0).path());

            forget.set(true);
            scheduler.runNext();
            assertEquals(Status.RESUBSCRIBING, subscription.state().status());
            assertTrue(subscription.state().reason().contains("unknown subscription"));
            assertEquals(Duration.ofSeconds(1), subscription.state().retryIn());
            assertEquals(-1, subscription.accept(notify("/onvif/subscription/1", FakePullPoint.motion(true)),
                    "127.0.0.1"), "the lost subscription's notifications no longer count");

            forget.set(false);
            scheduler.runNext();
            assertEquals(Status.HEALTHY, subscription.state().status());
            assertEquals(2, subscriptions.get());
            assertEquals(1, subscription.accept(notify("/onvif/subscription/2", FakePullPoint.motion(true)),
                    "127.0.0.1"));
        }
        assertEquals("/onvif/subscription/2", device.received("Unsubscribe").get(0).path());
    }

    @Test
    void pullPointSupportIsReadFromTheCapabilities() throws Exception {
        device.answer("GetCapabilities", Fixtures.filled("GetCapabilities.xml"));
        assertTrue(onvif.pullPointSupported());
        device.answer("GetCapabilities", Fixtures.filled("GetCapabilities.xml")
                .replace("<tt:WSPullPointSupport>true", "<tt:WSPullPointSupport>false"));
        assertFalse(onvif.pullPointSupported());
    }
}
