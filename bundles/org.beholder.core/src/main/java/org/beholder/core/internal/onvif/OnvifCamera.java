package org.beholder.core.internal.onvif;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.beholder.core.CameraPtz;
import org.beholder.core.CameraSetupException;
import org.beholder.core.DeviceInfo;
import org.beholder.core.settings.CameraSettings;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.Credentials;
import org.beholder.onvif.DeviceInformation;
import org.beholder.onvif.EventSubscription;
import org.beholder.onvif.MediaProfile;
import org.beholder.onvif.OnvifClient;
import org.beholder.onvif.OnvifDevice;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.OnvifService;
import org.beholder.onvif.StreamChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera set up through ONVIF: the device, the profile it records, the stream URL found for it, what the device
 * says about itself, and its event subscription while the camera runs.
 * <p>
 * A stream URL naming another host than the ONVIF address (a camera behind NAT, or one with several interfaces
 * reports its own LAN address) is moved onto the ONVIF address, keeping port and path: the address the user gave
 * is the one known to answer — the ONVIF client treats service addresses the same way. Credentials a device puts
 * into the URL are dropped: Beholder passes them separately.
 */
public final class OnvifCamera implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(OnvifCamera.class);

    private final OnvifDevice device;
    private final MediaProfile profile;
    private final String streamUrl;
    private final DeviceInfo info;
    private final boolean ptz;
    private volatile EventSubscription events;

    private OnvifCamera(OnvifDevice device, MediaProfile profile, String streamUrl, DeviceInfo info, boolean ptz) {
        this.device = device;
        this.profile = profile;
        this.streamUrl = streamUrl;
        this.info = info;
        this.ptz = ptz;
    }

    /** Connects, reads the device and finds the stream of the chosen (or largest) profile. */
    public static OnvifCamera connect(OnvifClient client, CameraSettings settings) throws CameraSetupException {
        String where = "ONVIF device " + settings.onvifHost() + ":" + settings.onvifPort();
        try {
            OnvifDevice device = client.connect(OnvifClient.deviceServiceUri(settings.onvifHost(),
                    settings.onvifPort()), new Credentials(settings.username(), settings.password()));
            MediaProfile profile = chooseProfile(device.profiles(), settings.onvifProfile(), where);
            String url = settings.url().isBlank()
                    ? onto(device.streamUri(profile), settings.onvifHost()) : settings.url();
            boolean ptz = profile.ptzConfigurationToken() != null && device.services().has(OnvifService.PTZ);
            return new OnvifCamera(device, profile, url, deviceInfo(device), ptz);
        } catch (OnvifException e) {
            throw new CameraSetupException(where + ": " + e.getMessage(), e);
        }
    }

    private static MediaProfile chooseProfile(List<MediaProfile> profiles, String wanted, String where)
            throws CameraSetupException {
        List<MediaProfile> video = profiles.stream().filter(p -> p.videoEncoding().isPresent()).toList();
        if (wanted.isEmpty()) {
            return StreamChoice.choose(video).map(StreamChoice::main)
                    .orElseThrow(() -> new CameraSetupException(where + " offers no video profile"));
        }
        return video.stream().filter(p -> p.token().equals(wanted) || wanted.equals(p.name())).findFirst()
                .orElseThrow(() -> new CameraSetupException(where + " has no video profile '" + wanted
                        + "' (it has: " + video.stream().map(p -> p.name() + " [" + p.token() + "]")
                                .collect(Collectors.joining(", ")) + ")"));
    }

    private static DeviceInfo deviceInfo(OnvifDevice device) {
        try {
            DeviceInformation information = device.deviceInformation();
            return new DeviceInfo(information.manufacturer(), information.model(), information.firmwareVersion(),
                    information.serialNumber());
        } catch (OnvifException e) { // optional for recording: say so and go on
            logger.info("{} did not tell its device information: {}", device.deviceService().getHost(),
                    e.getMessage());
            return new DeviceInfo("", "", "", "");
        }
    }

    /** The URL on the ONVIF host, without user information. */
    static String onto(URI stream, String onvifHost) throws CameraSetupException {
        try {
            String host = onvifHost.contains(":") ? "[" + onvifHost + "]" : onvifHost;
            return new URI(stream.getScheme(), null, host, stream.getPort(), stream.getRawPath() == null ? ""
                    : stream.getPath(), stream.getQuery(), null).toString();
        } catch (URISyntaxException e) {
            throw new CameraSetupException("the device gave an unusable stream URL: " + e.getReason());
        }
    }

    public String streamUrl() {
        return streamUrl;
    }

    public MediaProfile profile() {
        return profile;
    }

    public DeviceInfo info() {
        return info;
    }

    public boolean ptz() {
        return ptz;
    }

    /** Pan, tilt and zoom of the recorded profile, when it has a PTZ configuration. */
    public Optional<CameraPtz> ptzControl() {
        if (!ptz) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OnvifPtzControl(device.ptz(), profile.token(), "ONVIF device "
                    + device.deviceService().getHost()));
        } catch (OnvifException e) {
            logger.warn("PTZ of {} is not available: {}", device.deviceService().getHost(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Subscribes to the device's events, when it has an event service; kept alive until {@link #close()}. */
    public Optional<EventSubscription> subscribe(CameraEventListener listener) {
        if (!device.services().has(OnvifService.EVENTS)) {
            return Optional.empty();
        }
        try {
            events = device.subscribeEvents(listener);
            return Optional.of(events);
        } catch (OnvifException e) {
            logger.warn("Camera events of {} are not available: {}", device.deviceService().getHost(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        EventSubscription subscription = events;
        if (subscription != null) {
            subscription.close();
        }
    }
}
