package org.beholder.onvif;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.parse.PtzParser;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** PTZ of one device, addressed by media profile token (the profile carries the PTZ configuration). */
public final class OnvifPtz {
    private static final String NS = OnvifService.PTZ.namespace() + "/";

    private final OnvifDevice device;
    private final URI address;

    OnvifPtz(OnvifDevice device, URI address) {
        this.device = device;
        this.address = address;
    }

    public List<PtzNode> nodes() throws OnvifException {
        return PtzParser.nodes(call("GetNodes", "<tptz:GetNodes/>"));
    }

    public List<PtzConfiguration> configurations() throws OnvifException {
        return PtzParser.configurations(call("GetConfigurations", "<tptz:GetConfigurations/>"));
    }

    /** Starts moving at the given velocities (-1..1, clamped); a null timeout moves until {@link #stop}. */
    public void continuousMove(String profileToken, PtzVector velocity, Duration timeout) throws OnvifException {
        PtzVector v = velocity.clampedToUnit();
        call("ContinuousMove", "<tptz:ContinuousMove>" + profile(profileToken) + "<tptz:Velocity>" + vector(v)
                + "</tptz:Velocity>" + (timeout == null ? "" : "<tptz:Timeout>" + timeout + "</tptz:Timeout>")
                + "</tptz:ContinuousMove>");
    }

    public void stop(String profileToken) throws OnvifException {
        call("Stop", "<tptz:Stop>" + profile(profileToken)
                + "<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom></tptz:Stop>");
    }

    /** Moves to a position; refused (SERVICE_MISSING) before any request when the node has no absolute space. */
    public void absoluteMove(String profileToken, PtzNode node, PtzVector position) throws OnvifException {
        require(node.supportsAbsolute(), node, "absolute");
        call("AbsoluteMove", "<tptz:AbsoluteMove>" + profile(profileToken) + "<tptz:Position>" + vector(position)
                + "</tptz:Position></tptz:AbsoluteMove>");
    }

    /** Moves by a translation; refused when the node has no relative space. */
    public void relativeMove(String profileToken, PtzNode node, PtzVector translation) throws OnvifException {
        require(node.supportsRelative(), node, "relative");
        call("RelativeMove", "<tptz:RelativeMove>" + profile(profileToken) + "<tptz:Translation>"
                + vector(translation) + "</tptz:Translation></tptz:RelativeMove>");
    }

    public List<PtzPreset> presets(String profileToken) throws OnvifException {
        return PtzParser.presets(call("GetPresets", "<tptz:GetPresets>" + profile(profileToken) + "</tptz:GetPresets>"));
    }

    public void gotoPreset(String profileToken, String presetToken) throws OnvifException {
        call("GotoPreset", "<tptz:GotoPreset>" + profile(profileToken) + "<tptz:PresetToken>"
                + Xml.escape(presetToken) + "</tptz:PresetToken></tptz:GotoPreset>");
    }

    /**
     * Stores the current position under {@code name}; with a non-null {@code presetToken} it overwrites that
     * preset. Returns the preset's token.
     */
    public String setPreset(String profileToken, String name, String presetToken) throws OnvifException {
        Element answer = call("SetPreset", "<tptz:SetPreset>" + profile(profileToken) + "<tptz:PresetName>"
                + Xml.escape(name) + "</tptz:PresetName>" + (presetToken == null ? ""
                        : "<tptz:PresetToken>" + Xml.escape(presetToken) + "</tptz:PresetToken>")
                + "</tptz:SetPreset>");
        return Xml.text(answer, "PresetToken").orElse(presetToken == null ? "" : presetToken);
    }

    public void removePreset(String profileToken, String presetToken) throws OnvifException {
        call("RemovePreset", "<tptz:RemovePreset>" + profile(profileToken) + "<tptz:PresetToken>"
                + Xml.escape(presetToken) + "</tptz:PresetToken></tptz:RemovePreset>");
    }

    public void gotoHomePosition(String profileToken) throws OnvifException {
        call("GotoHomePosition", "<tptz:GotoHomePosition>" + profile(profileToken) + "</tptz:GotoHomePosition>");
    }

    public PtzStatus status(String profileToken) throws OnvifException {
        return PtzParser.status(call("GetStatus", "<tptz:GetStatus>" + profile(profileToken) + "</tptz:GetStatus>"));
    }

    private Element call(String operation, String body) throws OnvifException {
        return device.call(SoapRequest.of(address, NS + operation, body));
    }

    private static void require(boolean supported, PtzNode node, String kind) throws OnvifException {
        if (!supported) {
            throw new OnvifException(Kind.SERVICE_MISSING,
                    "PTZ node " + node.token() + " supports no " + kind + " move space");
        }
    }

    private static String profile(String token) {
        return "<tptz:ProfileToken>" + Xml.escape(token) + "</tptz:ProfileToken>";
    }

    private static String vector(PtzVector v) {
        return "<tt:PanTilt x=\"" + number(v.pan()) + "\" y=\"" + number(v.tilt()) + "\"/><tt:Zoom x=\""
                + number(v.zoom()) + "\"/>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
