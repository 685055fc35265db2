package org.beholder.onvif.internal.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.EventScheduler;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.SubscriptionState;
import org.beholder.onvif.SubscriptionState.Status;
import org.beholder.onvif.internal.soap.Addresses;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.beholder.onvif.internal.xml.Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * One pull-point subscription kept alive: CreatePullPointSubscription, then PullMessages after PullMessages
 * (each waits at most 20 s on the device inside a 25 s request), Renew 60 s before the termination time,
 * Unsubscribe on stop. Any failure — the device dropped or forgot the subscription, answered a fault, went
 * away — leads to a fresh subscription after a backoff that doubles up to 5 minutes and is reset once a
 * subscription has stayed healthy for 5 minutes. Every step is a task on the {@link EventScheduler}, so a test
 * can run them one by one.
 */
public final class PullPointLoop {
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
    private static final String RENEW = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest";
    private static final String UNSUBSCRIBE =
            "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest";

    private final Logger logger = LoggerFactory.getLogger(PullPointLoop.class);
    private final SoapTransport transport;
    private final URI eventService;
    private final EventScheduler scheduler;
    private final CameraEventListener listener;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Duration pullWait;
    private final Duration pullRequestTimeout;

    // Touched only by the scheduled steps, which never overlap (each schedules the next).
    private volatile URI subscription;
    private volatile String referenceHeaders = "";
    private volatile Instant terminationLocal;
    private final Backoff backoff = new Backoff();
    private volatile SubscriptionState state;

    public PullPointLoop(SoapTransport transport, URI eventService, EventScheduler scheduler,
            CameraEventListener listener) {
        this(transport, eventService, scheduler, listener, PULL_WAIT, PULL_REQUEST_TIMEOUT);
    }

    /** With other pull timings: for tests of a device that stops answering, which must not wait 25 s. */
    PullPointLoop(SoapTransport transport, URI eventService, EventScheduler scheduler, CameraEventListener listener,
            Duration pullWait, Duration pullRequestTimeout) {
        this.pullWait = pullWait;
        this.pullRequestTimeout = pullRequestTimeout;
        this.transport = transport;
        this.eventService = eventService;
        this.scheduler = scheduler;
        this.listener = listener;
        this.state = new SubscriptionState(Status.STARTING, "", scheduler.now(), Duration.ZERO);
    }

    public void start() {
        publish(state);
        scheduler.schedule(this::subscribe, Duration.ZERO);
    }

    public SubscriptionState state() {
        return state;
    }

    /** Stops pulling and unsubscribes (best effort: the device may be gone). */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        URI current = subscription;
        if (current != null) {
            try {
                transport.call(toSubscription(current, UNSUBSCRIBE, "<wsnt:Unsubscribe/>")
                        .withTimeout(Duration.ofSeconds(5)));
            } catch (OnvifException e) {
                logger.debug("Unsubscribe at {} failed: {}", SoapTransport.describe(current), e.getMessage());
            }
        }
        publish(new SubscriptionState(Status.STOPPED, "stopped", scheduler.now(), Duration.ZERO));
    }

    private void subscribe() {
        if (stopped.get()) {
            return;
        }
        try {
            Element answer = transport.call(SoapRequest.of(eventService, CREATE,
                    "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>" + TERMINATION
                            + "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>").withAddressing());
            Element reference = Xml.child(answer, "SubscriptionReference").orElseThrow(
                    () -> new OnvifException(OnvifException.Kind.MALFORMED_ANSWER,
                            "CreatePullPointSubscription: the answer has no SubscriptionReference"));
            URI address = Xml.text(reference, "Address").map(URI::create).orElseThrow(
                    () -> new OnvifException(OnvifException.Kind.MALFORMED_ANSWER,
                            "CreatePullPointSubscription: the answer has no Address"));
            // A subscription address on another host (NAT) is moved onto the one that answered.
            subscription = address.getHost() == null ? eventService.resolve(address)
                    : Addresses.onHostOf(address, eventService);
            referenceHeaders = ReferenceParameters.headers(reference);
            terminationLocal = termination(answer).orElse(scheduler.now().plus(TERMINATION));
            Instant now = scheduler.now();
            backoff.healthy(now);
            publish(new SubscriptionState(Status.HEALTHY, "", now, Duration.ZERO));
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

    private void fail(String reason) {
        if (stopped.get()) {
            return;
        }
        subscription = null;
        Duration wait = backoff.failed(scheduler.now());
        logger.debug("Events at {}: {}; again in {}", SoapTransport.describe(eventService), reason, wait);
        publish(new SubscriptionState(Status.RESUBSCRIBING, reason, scheduler.now(), wait));
        scheduler.schedule(this::subscribe, wait);
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

    private SoapRequest toSubscription(URI address, String action, String body) {
        return SoapRequest.of(address, action, body).withAddressing().withHeaders(referenceHeaders);
    }

    private void deliver(CameraEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            logger.warn("An event listener failed on {}", event.topic(), e);
        }
    }

    private void publish(SubscriptionState newState) {
        state = newState;
        try {
            listener.onStateChanged(newState);
        } catch (RuntimeException e) {
            logger.warn("An event listener failed on a state change", e);
        }
    }
}
