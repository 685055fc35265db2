package org.beholder.onvif.internal.events;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.EventScheduler;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * WS-BaseNotification for devices without a pull point: Subscribe with a consumer address the host serves,
 * Renew 60 s before the termination time, Unsubscribe on stop, and subscribe again with the same backoff as the
 * pull point when anything fails. The device then POSTs Notify messages to the host, which hands their bodies
 * to {@link #accept}; only notifications from the device's own address, for the current subscription, count.
 */
public final class BasicNotificationLoop extends SubscriptionLoop {
    private static final String SUBSCRIBE = "http://docs.oasis-open.org/wsn/bw-2/NotificationProducer/SubscribeRequest";

    private final URI consumer;
    private volatile Set<String> deviceAddresses = Set.of();
    /** Counts subscriptions, so a renew scheduled for an earlier one does nothing. */
    private volatile long generation;

    public BasicNotificationLoop(SoapTransport transport, URI eventService, URI consumer, EventScheduler scheduler,
            CameraEventListener listener) {
        super(transport, eventService, scheduler, listener);
        this.consumer = consumer;
    }

    /**
     * A Notify body POSTed to the consumer address by {@code remoteAddress}. Returns the number of events
     * delivered, or -1 when refused: another sender than the device, another subscription, or not a Notify.
     */
    public int accept(byte[] body, String remoteAddress) {
        if (stopped.get() || !deviceAddresses.contains(remoteAddress)) {
            return -1;
        }
        Element notify;
        try {
            Element envelope = SafeXml.parse(body).getDocumentElement();
            notify = Xml.child(envelope, "Body", "Notify").orElse(null);
        } catch (SafeXml.XmlRefused e) {
            return -1;
        }
        if (notify == null) {
            return -1;
        }
        URI current = subscription;
        List<Element> messages = Xml.children(notify, "NotificationMessage");
        for (Element message : messages) {
            Optional<String> from = Xml.text(message, "SubscriptionReference", "Address");
            if (from.isPresent() && (current == null || !samePath(from.get(), current))) {
                return -1;
            }
        }
        List<CameraEvent> events = NotificationParser.events(notify);
        events.forEach(this::deliver);
        return events.size();
    }

    @Override
    void subscribe() {
        if (stopped.get()) {
            return;
        }
        try {
            deviceAddresses = resolve(eventService.getHost());
            Element answer = transport.call(SoapRequest.of(eventService, SUBSCRIBE, "<wsnt:Subscribe>"
                    + "<wsnt:ConsumerReference><a:Address>" + Xml.escape(consumer.toString()) + "</a:Address>"
                    + "</wsnt:ConsumerReference><wsnt:InitialTerminationTime>" + PullPointLoop.TERMINATION
                    + "</wsnt:InitialTerminationTime></wsnt:Subscribe>").withAddressing());
            subscribed(answer, "Subscribe");
            scheduleRenew(answer, ++generation);
        } catch (OnvifException | IllegalArgumentException e) {
            fail("subscribing failed: " + e.getMessage());
        }
    }

    private void scheduleRenew(Element answer, long forGeneration) {
        Instant now = scheduler.now();
        Instant end = PullPointLoop.localTermination(answer, now, transport.clock().deviceNow())
                .orElse(now.plus(PullPointLoop.TERMINATION));
        Duration wait = Duration.between(now, end.minus(PullPointLoop.RENEW_BEFORE));
        scheduler.schedule(() -> renew(forGeneration), wait.isNegative() ? Duration.ZERO : wait);
    }

    private void renew(long forGeneration) {
        URI current = subscription;
        if (stopped.get() || forGeneration != generation || current == null) {
            return;
        }
        try {
            Element answer = transport.call(toSubscription(current, RENEW, "<wsnt:Renew><wsnt:TerminationTime>"
                    + PullPointLoop.TERMINATION + "</wsnt:TerminationTime></wsnt:Renew>"));
            backoff.stillHealthy(scheduler.now());
            scheduleRenew(answer, forGeneration);
        } catch (OnvifException e) {
            fail("renewing the subscription failed: " + e.getMessage());
        }
    }

    private static Set<String> resolve(String host) throws OnvifException {
        try {
            return Set.of(InetAddress.getAllByName(host)).stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (UnknownHostException e) {
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "cannot resolve " + host, null, e);
        }
    }

    private static boolean samePath(String reported, URI current) {
        try {
            return Optional.ofNullable(URI.create(reported.trim()).getPath()).orElse("").equals(current.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
