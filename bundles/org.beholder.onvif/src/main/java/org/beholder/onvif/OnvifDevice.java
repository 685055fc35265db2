package org.beholder.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.events.BasicNotificationLoop;
import org.beholder.onvif.internal.events.PullPointLoop;
import org.beholder.onvif.internal.parse.DeviceParser;
import org.beholder.onvif.internal.parse.MediaParser;
import org.beholder.onvif.internal.parse.PtzParser;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * One connected device: device information, scopes, media profiles and their URIs, imaging, and the PTZ,
 * recording and event parts. Thread-safe; every method is one or a few blocking SOAP calls.
 */
public final class OnvifDevice {
    private final URI deviceService;
    private final SoapTransport transport;
    private final ServiceAddresses services;

    OnvifDevice(URI deviceService, SoapTransport transport, ServiceAddresses services) {
        this.deviceService = deviceService;
        this.transport = transport;
        this.services = services;
    }

    public URI deviceService() {
        return deviceService;
    }

    public ServiceAddresses services() {
        return services;
    }

    /** How far the device's clock is ahead of ours (negative: behind), as measured at connect. */
    public Duration clockOffset() {
        return transport.clock().offset();
    }

    public DeviceInformation deviceInformation() throws OnvifException {
        return DeviceParser.deviceInformation(device("GetDeviceInformation", "<tds:GetDeviceInformation/>"));
    }

    public Instant systemDateAndTime() throws OnvifException {
        return DeviceParser.systemDateAndTime(call(SoapRequest.of(deviceService,
                OnvifService.DEVICE.namespace() + "/GetSystemDateAndTime", "<tds:GetSystemDateAndTime/>")
                .unauthenticated()));
    }

    public DeviceScopes scopes() throws OnvifException {
        return DeviceParser.scopes(device("GetScopes", "<tds:GetScopes/>"));
    }

    /** GetCapabilities as such (connect already used it where GetServices is missing). */
    public ServiceAddresses capabilities() throws OnvifException {
        return DeviceParser.capabilities(device("GetCapabilities",
                "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>"));
    }

    /** Media 2 profiles where the device has Media 2 (H.265 is offered only there), else Media 1 profiles. */
    public List<MediaProfile> profiles() throws OnvifException {
        if (services.has(OnvifService.MEDIA2)) {
            try {
                List<MediaProfile> profiles = media2Profiles();
                if (!profiles.isEmpty()) {
                    return profiles;
                }
            } catch (OnvifException e) {
                if (e.kind() != Kind.SERVICE_MISSING && e.kind() != Kind.SOAP_FAULT
                        || !services.has(OnvifService.MEDIA)) {
                    throw e;
                }
            }
        }
        return mediaProfiles();
    }

    public List<MediaProfile> mediaProfiles() throws OnvifException {
        return MediaParser.profiles(call(OnvifService.MEDIA, "GetProfiles", "<trt:GetProfiles/>"));
    }

    public List<MediaProfile> media2Profiles() throws OnvifException {
        return MediaParser.media2Profiles(call(OnvifService.MEDIA2, "GetProfiles",
                "<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>"));
    }

    /** The RTSP address of the profile's stream: RTP unicast over RTSP (interleaved in the RTSP TCP connection). */
    public URI streamUri(MediaProfile profile) throws OnvifException {
        String token = Xml.escape(profile.token());
        if (profile.media2()) {
            return MediaParser.mediaUri(call(OnvifService.MEDIA2, "GetStreamUri",
                    "<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>" + token
                            + "</tr2:ProfileToken></tr2:GetStreamUri>"), "GetStreamUri");
        }
        return MediaParser.mediaUri(call(OnvifService.MEDIA, "GetStreamUri",
                "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport>"
                        + "<tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>" + token
                        + "</trt:ProfileToken></trt:GetStreamUri>"), "GetStreamUri");
    }

    public URI snapshotUri(MediaProfile profile) throws OnvifException {
        String token = Xml.escape(profile.token());
        if (profile.media2()) {
            return MediaParser.mediaUri(call(OnvifService.MEDIA2, "GetSnapshotUri",
                    "<tr2:GetSnapshotUri><tr2:ProfileToken>" + token + "</tr2:ProfileToken></tr2:GetSnapshotUri>"),
                    "GetSnapshotUri");
        }
        return MediaParser.mediaUri(call(OnvifService.MEDIA, "GetSnapshotUri",
                "<trt:GetSnapshotUri><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetSnapshotUri>"),
                "GetSnapshotUri");
    }

    public ImagingSettings imagingSettings(String videoSourceToken) throws OnvifException {
        return PtzParser.imagingSettings(call(OnvifService.IMAGING, "GetImagingSettings",
                "<timg:GetImagingSettings><timg:VideoSourceToken>" + Xml.escape(videoSourceToken)
                        + "</timg:VideoSourceToken></timg:GetImagingSettings>"));
    }

    /** PTZ of this device; SERVICE_MISSING when it has none. */
    public OnvifPtz ptz() throws OnvifException {
        return new OnvifPtz(this, address(OnvifService.PTZ));
    }

    /** Profile G: the device's own recordings; the calls say SERVICE_MISSING on a device without them. */
    public OnvifRecordings recordings() {
        return new OnvifRecordings(this);
    }

    /**
     * Subscribes to the device's events through a pull point and keeps the subscription alive until closed,
     * on a thread of its own.
     */
    public EventSubscription subscribeEvents(CameraEventListener listener) throws OnvifException {
        URI events = address(OnvifService.EVENTS);
        ScheduledExecutorService executor = eventExecutor();
        PullPointLoop loop = new PullPointLoop(transport, events, EventScheduler.of(executor, transport.clock()::localNow),
                listener);
        loop.start();
        return new EventSubscription(loop, executor);
    }

    /** As {@link #subscribeEvents(CameraEventListener)}, with the host's (or a test's) scheduler. */
    public EventSubscription subscribeEvents(CameraEventListener listener, EventScheduler scheduler)
            throws OnvifException {
        PullPointLoop loop = new PullPointLoop(transport, address(OnvifService.EVENTS), scheduler, listener);
        loop.start();
        return new EventSubscription(loop, null);
    }

    /**
     * Where the device has no pull point: Basic Notification to {@code consumer}, an address the host serves
     * and whose requests it hands to {@link NotificationSubscription#accept}.
     */
    public NotificationSubscription subscribeNotifications(URI consumer, CameraEventListener listener,
            EventScheduler scheduler) throws OnvifException {
        BasicNotificationLoop loop = new BasicNotificationLoop(transport, address(OnvifService.EVENTS), consumer,
                scheduler, listener);
        loop.start();
        return new NotificationSubscription(loop, () -> { });
    }

    /** As above, renewing on a thread of its own. */
    public NotificationSubscription subscribeNotifications(URI consumer, CameraEventListener listener)
            throws OnvifException {
        URI events = address(OnvifService.EVENTS);
        ScheduledExecutorService executor = eventExecutor();
        BasicNotificationLoop loop = new BasicNotificationLoop(transport, events, consumer,
                EventScheduler.of(executor, transport.clock()::localNow), listener);
        loop.start();
        return new NotificationSubscription(loop, executor::shutdownNow);
    }

    /**
     * False when GetCapabilities says the event service has no pull point (use
     * {@link #subscribeNotifications}); true when it has one or does not say.
     */
    public boolean pullPointSupported() throws OnvifException {
        return DeviceParser.pullPointSupported(device("GetCapabilities",
                "<tds:GetCapabilities><tds:Category>Events</tds:Category></tds:GetCapabilities>"));
    }

    private ScheduledExecutorService eventExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "onvif-events-" + deviceService.getHost());
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---- shared with the service parts of this package

    Element device(String operation, String body) throws OnvifException {
        return call(SoapRequest.of(services.address(OnvifService.DEVICE).orElse(deviceService),
                OnvifService.DEVICE.namespace() + "/" + operation, body));
    }

    Element call(OnvifService service, String operation, String body) throws OnvifException {
        return call(SoapRequest.of(address(service), service.namespace() + "/" + operation, body));
    }

    Element call(SoapRequest request) throws OnvifException {
        return transport.call(request);
    }

    URI address(OnvifService service) throws OnvifException {
        return services.address(service).orElseThrow(() -> new OnvifException(Kind.SERVICE_MISSING,
                "the device at " + SoapTransport.describe(deviceService) + " has no " + service + " service"));
    }

    SoapTransport transport() {
        return transport;
    }
}
