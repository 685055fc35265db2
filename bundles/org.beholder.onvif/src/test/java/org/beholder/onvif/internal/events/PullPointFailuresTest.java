package org.beholder.onvif.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.Credentials;
import org.beholder.onvif.SubscriptionState.Status;
import org.beholder.onvif.internal.soap.DeviceClock;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakeDevice.Answer;
import org.beholder.onvif.testserver.FakePullPoint;
import org.beholder.onvif.testserver.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device that stops answering pulls, or answers nonsense: the loop says why and subscribes again. */
class PullPointFailuresTest {
    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> pullOverride = new AtomicReference<>();
    private FakeDevice device;
    private FakePullPoint pullPoint;
    private PullPointLoop loop;

    @BeforeEach
    void start() throws Exception {
        device = new FakeDevice("admin", "pw", Duration.ZERO).clock(scheduler::now);
        pullPoint = new FakePullPoint(device);
        var normalPull = device.answerFor("PullMessages");
        device.answer("PullMessages", r -> {
            Answer override = pullOverride.get();
            return override != null ? override : normalPull.apply(r);
        });
        DeviceClock clock = new DeviceClock(scheduler::now);
        SoapTransport transport = new SoapTransport(HttpClient.newHttpClient(), new Credentials("admin", "pw"), clock,
                Duration.ofSeconds(5), 1 << 20);
        loop = new PullPointLoop(transport, device.uri("/onvif/events"), scheduler, events::add,
                Duration.ofMillis(100), Duration.ofMillis(400));
        loop.start();
        scheduler.runNext();
        assertEquals(Status.HEALTHY, loop.state().status());
    }

    @AfterEach
    void stop() {
        loop.stop();
        device.close();
    }

    @Test
    void aPullThatGetsNoAnswerIsATimeoutAndTheSubscriptionIsRecreated() {
        pullOverride.set(new Answer(200, "", Map.of(), 3_000));
        scheduler.runNext();

        assertEquals(Status.RESUBSCRIBING, loop.state().status());
        assertTrue(loop.state().reason().contains("no answer within 400 ms"), loop.state().reason());
        assertTrue(device.received("PullMessages").get(0).body().contains("PT0.1S"));

        pullOverride.set(null);
        pullPoint.queue(FakePullPoint.motion(true));
        scheduler.runNext();
        scheduler.runNext();
        assertEquals(Status.HEALTHY, loop.state().status());
        assertEquals(1, events.size());
    }

    @Test
    void aMalformedPullAnswerIsSaidAndTheSubscriptionIsRecreated() {
        pullOverride.set(Answer.ok("<s:Envelope><s:Body><PullMessagesResponse></s:Envelope>"));
        scheduler.runNext();
        assertEquals(Status.RESUBSCRIBING, loop.state().status());
        assertTrue(loop.state().reason().contains("not well-formed"), loop.state().reason());

        pullOverride.set(Answer.ok("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>"));
        scheduler.runNext();
        scheduler.runNext();
        assertEquals(Status.RESUBSCRIBING, loop.state().status());
        assertTrue(loop.state().reason().contains("DTD"), loop.state().reason());
        assertEquals(Duration.ofSeconds(2), loop.state().retryIn(), "the second failure in a row waits longer");
    }
}
