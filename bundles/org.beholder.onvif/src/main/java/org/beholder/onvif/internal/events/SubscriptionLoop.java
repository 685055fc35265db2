package org.beholder.onvif.internal.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
 * What both kinds of event subscription share: the subscription's address and reference parameters, its state
 * as listeners see it, subscribing again after the {@link Backoff} when anything fails, and unsubscribing on stop.
 * The subclasses say how to subscribe and how events arrive (pulled, or notified to the host).
 */
abstract class SubscriptionLoop {
    static final String RENEW = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest";
    private static final String UNSUBSCRIBE =
            "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest";

    private final Logger logger = LoggerFactory.getLogger(getClass());
    final SoapTransport transport;
    final URI eventService;
    final EventScheduler scheduler;
    private final CameraEventListener listener;
    final AtomicBoolean stopped = new AtomicBoolean();
    final Backoff backoff = new Backoff();
    // Touched only by the scheduled steps, which never overlap (each schedules the next).
    volatile URI subscription;
    private volatile String referenceHeaders = "";
    private volatile SubscriptionState state;

    SubscriptionLoop(SoapTransport transport, URI eventService, EventScheduler scheduler,
            CameraEventListener listener) {
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

    /** Stops and unsubscribes (best effort: the device may be gone). */
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

    /** Makes a subscription; on success calls {@link #subscribed}, on failure {@link #fail}. */
    abstract void subscribe();

    /**
     * Keeps the SubscriptionReference of a Subscribe or CreatePullPointSubscription answer — an address on
     * another host (NAT) moved onto the one that answered — and says the subscription is healthy.
     */
    final void subscribed(Element answer, String operation) throws OnvifException {
        Element reference = Xml.child(answer, "SubscriptionReference").orElseThrow(
                () -> new OnvifException(OnvifException.Kind.MALFORMED_ANSWER,
                        operation + ": the answer has no SubscriptionReference"));
        URI address = Xml.text(reference, "Address").map(URI::create).orElseThrow(
                () -> new OnvifException(OnvifException.Kind.MALFORMED_ANSWER,
                        operation + ": the answer has no Address"));
        subscription = address.getHost() == null ? eventService.resolve(address)
                : Addresses.onHostOf(address, eventService);
        referenceHeaders = ReferenceParameters.headers(reference);
        Instant now = scheduler.now();
        backoff.healthy(now);
        publish(new SubscriptionState(Status.HEALTHY, "", now, Duration.ZERO));
    }

    /** The subscription is gone or never came: say why and subscribe again after the backoff. */
    final void fail(String reason) {
        if (stopped.get()) {
            return;
        }
        subscription = null;
        Duration wait = backoff.failed(scheduler.now());
        logger.debug("Events at {}: {}; again in {}", SoapTransport.describe(eventService), reason, wait);
        publish(new SubscriptionState(Status.RESUBSCRIBING, reason, scheduler.now(), wait));
        scheduler.schedule(this::subscribe, wait);
    }

    final SoapRequest toSubscription(URI address, String action, String body) {
        return SoapRequest.of(address, action, body).withAddressing().withHeaders(referenceHeaders);
    }

    final void deliver(CameraEvent event) {
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
