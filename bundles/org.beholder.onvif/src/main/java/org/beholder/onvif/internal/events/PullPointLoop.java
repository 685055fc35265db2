package org.beholder.onvif.internal.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.EventScheduler;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * One pull-point subscription kept alive: CreatePullPointSubscription, then PullMessages after PullMessages
 * (each waits at most 20 s on the device inside a 25 s request), Renew 60 s before the termination time,
 * Unsubscribe on stop. Any failure — the device dropped or forgot the subscription, answered a fault, went
 * away — leads to a fresh subscription after a backoff that doubles up to 5 minutes and is reset once a
 * subscription has stayed healthy for 5 minutes. Every step is a task on the {@link EventScheduler}, so a test
 * can run them one by one.
 */
public final class PullPointLoop extends SubscriptionLoop {
    public static final Duration PULL_WAIT = Duration.ofSeconds(20);
    public static final Duration PULL_REQUEST_TIMEOUT = Duration.ofSeconds(25);
    public static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    public static final Duration TERMINATION = Duration.ofSeconds(120);
    /** Devices that ignore the pull timeout answer at once; an empty answer waits this long before the next pull. */
    public static final Duration EMPTY_PULL_PAUSE = Duration.ofSeconds(1);
    private static final int MESSAGE_LIMIT = 100;

    private static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl/";
    private static final String CREATE = EVENTS + "EventPortType/CreatePullPointSubscriptionRequest";
    private static final String PULL = EVENTS + "PullPointSubscription/PullMessagesRequest";

    private final Duration pullWait;
    private final Duration pullRequestTimeout;

    // Touched only by the scheduled steps, which never overlap (each schedules the next).
    private volatile Instant terminationLocal;

    public PullPointLoop(SoapTransport transport, URI eventService, EventScheduler scheduler,
            CameraEventListener listener) {
        this(transport, eventService, scheduler, listener, PULL_WAIT, PULL_REQUEST_TIMEOUT);
    }

    /** With other pull timings: for tests of a device that stops answering, which must not wait 25 s. */
    PullPointLoop(SoapTransport transport, URI eventService, EventScheduler scheduler, CameraEventListener listener,
            Duration pullWait, Duration pullRequestTimeout) {
        super(transport, eventService, scheduler, listener);
        this.pullWait = pullWait;
        this.pullRequestTimeout = pullRequestTimeout;
    }

    @Override
    void subscribe() {
        if (stopped.get()) {
            return;
        }
        try {
            Element answer = transport.call(SoapRequest.of(eventService, CREATE,
                    "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>" + TERMINATION
                            + "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>").withAddressing());
            terminationLocal = termination(answer).orElse(scheduler.now().plus(TERMINATION));
            subscribed(answer, "CreatePullPointSubscription");
            scheduler.schedule(this::pull, Duration.ZERO);
        } catch (OnvifException | IllegalArgumentException e) {
            fail("subscribing failed: " + e.getMessage());
        }
    }

    private void pull() {
        if (stopped.get()) {
            return;
        }
        URI current = subscription;
        try {
            if (!scheduler.now().isBefore(terminationLocal.minus(RENEW_BEFORE))) {
                Element renewed = transport.call(toSubscription(current, RENEW,
                        "<wsnt:Renew><wsnt:TerminationTime>" + TERMINATION + "</wsnt:TerminationTime></wsnt:Renew>"));
                terminationLocal = termination(renewed).orElse(scheduler.now().plus(TERMINATION));
            }
            Element answer = transport.call(toSubscription(current, PULL, "<tev:PullMessages><tev:Timeout>"
                    + pullWait + "</tev:Timeout><tev:MessageLimit>" + MESSAGE_LIMIT
                    + "</tev:MessageLimit></tev:PullMessages>").withTimeout(pullRequestTimeout));
            if (stopped.get()) {
                return;
            }
            termination(answer).ifPresent(t -> terminationLocal = t);
            List<CameraEvent> events = NotificationParser.events(answer);
            for (CameraEvent event : events) {
                deliver(event);
            }
            backoff.stillHealthy(scheduler.now());
            scheduler.schedule(this::pull, events.isEmpty() ? EMPTY_PULL_PAUSE : Duration.ZERO);
        } catch (OnvifException e) {
            fail("the subscription was lost: " + e.getMessage());
        }
    }

    private Optional<Instant> termination(Element answer) {
        return localTermination(answer, scheduler.now(), transport.clock().deviceNow());
    }

    /**
     * The termination time on our clock: the device's TerminationTime minus its CurrentTime (or our idea of
     * its time when it sends none), from {@code localNow}; so the device's clock error does not matter.
     */
    static Optional<Instant> localTermination(Element answer, Instant localNow, Instant deviceNowGuess) {
        Optional<Instant> end = Xml.text(answer, "TerminationTime").flatMap(NotificationParser::time);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        Instant reference = Xml.text(answer, "CurrentTime").flatMap(NotificationParser::time).orElse(deviceNowGuess);
        return Optional.of(localNow.plus(Duration.between(reference, end.get())));
    }
}
