package org.beholder.onvif.testserver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.onvif.testserver.FakeDevice.Answer;

/**
 * The event service of a {@link FakeDevice}: pull-point subscriptions at /onvif/pullpoint/N that it can forget
 * ({@link #drop()}), queued notifications handed out by PullMessages.
 */
public final class FakePullPoint {
    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" "
            + "xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
            + "xmlns:tns1=\"http://www.onvif.org/ver10/topics\"><s:Body>%s</s:Body></s:Envelope>";

    private final FakeDevice device;
    private final Map<String, Instant> alive = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean refuseSubscriptions;
    private volatile String reportedHost = "127.0.0.1";

    public FakePullPoint(FakeDevice device) {
        this.device = device;
        device.answer("CreatePullPointSubscription", r -> create())
                .answer("PullMessages", this::pull)
                .answer("Renew", this::renew)
                .answer("Unsubscribe", r -> {
                    alive.remove(r.path());
                    return Answer.ok(ENVELOPE.formatted("<wsnt:UnsubscribeResponse/>"));
                });
    }

    /** The device forgets every subscription (reboot, or a device that drops them). */
    public void drop() {
        alive.clear();
    }

    public void refuseSubscriptions(boolean refuse) {
        refuseSubscriptions = refuse;
    }

    /** Names subscriptions on another host, as a device behind NAT does. */
    public void reportHost(String host) {
        reportedHost = host;
    }

    public int created() {
        return created.get();
    }

    public boolean alive(String path) {
        return alive.containsKey(path);
    }

    public void queue(String notificationMessage) {
        queued.add(notificationMessage);
    }

    public static String motion(boolean moving) {
        return "<wsnt:NotificationMessage><wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/"
                + "ConcreteSet\">tns1:RuleEngine/CellMotionDetector/Motion</wsnt:Topic><wsnt:Message>"
                + "<tt:Message UtcTime=\"2026-01-01T10:00:00Z\" PropertyOperation=\"Changed\"><tt:Source>"
                + "<tt:SimpleItem Name=\"VideoSourceConfigurationToken\" Value=\"vsc1\"/></tt:Source><tt:Data>"
                + "<tt:SimpleItem Name=\"IsMotion\" Value=\"" + moving + "\"/></tt:Data></tt:Message></wsnt:Message>"
                + "</wsnt:NotificationMessage>";
    }

    private Answer create() {
        if (refuseSubscriptions) {
            return new Answer(500, FakeDevice.fault("ter:TooManySubscriptions", "Too many subscriptions"),
                    Map.of(), 0);
        }
        String path = "/onvif/pullpoint/" + created.incrementAndGet();
        alive.put(path, device.deviceNow().plus(Duration.ofSeconds(120)));
        return Answer.ok(ENVELOPE.formatted("<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference>"
                + "<wsa:Address>" + device.uri(path).toString().replace("127.0.0.1", reportedHost)
                + "</wsa:Address><wsa:ReferenceParameters>"
                + "<dom0:SubscriptionId xmlns:dom0=\"http://www.axis.com/2009/event\">" + created.get()
                + "</dom0:SubscriptionId></wsa:ReferenceParameters></tev:SubscriptionReference>" + times(path)
                + "</tev:CreatePullPointSubscriptionResponse>"));
    }

    private Answer pull(FakeDevice.Received request) {
        if (!known(request)) {
            return unknown();
        }
        StringBuilder messages = new StringBuilder();
        for (String message = queued.poll(); message != null; message = queued.poll()) {
            messages.append(message);
        }
        return Answer.ok(ENVELOPE.formatted("<tev:PullMessagesResponse>" + times(request.path()).replace("wsnt:", "tev:")
                + messages + "</tev:PullMessagesResponse>"));
    }

    private Answer renew(FakeDevice.Received request) {
        if (!known(request)) {
            return unknown();
        }
        alive.put(request.path(), device.deviceNow().plus(Duration.ofSeconds(120)));
        return Answer.ok(ENVELOPE.formatted("<wsnt:RenewResponse>" + times(request.path()) + "</wsnt:RenewResponse>"));
    }

    /** Alive and not yet terminated: a device forgets a subscription at its termination time. */
    private boolean known(FakeDevice.Received request) {
        Instant end = alive.get(request.path());
        return end != null && device.deviceNow().isBefore(end);
    }

    private static Answer unknown() {
        return new Answer(500, FakeDevice.fault("wsrf-rw:ResourceUnknownFault", "Subscription not found"),
                Map.of(), 0);
    }

    private String times(String path) {
        return "<wsnt:CurrentTime>" + device.deviceNow() + "</wsnt:CurrentTime><wsnt:TerminationTime>"
                + alive.get(path) + "</wsnt:TerminationTime>";
    }
}
