package org.openhab.binding.beholder.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * An NVR Channel thing and the framework side of its handler (openHAB's ThingManager), recording everything the
 * handler reports. Shared with the OSGi integration tests through this bundle's test jar.
 */
public final class ThingFixture implements Thing, ThingHandlerCallback {
    public record StateUpdate(String channel, State state) {
    }

    public record Trigger(String channel, String event) {
    }

    public final List<ThingStatusInfo> statuses = new CopyOnWriteArrayList<>();
    public final List<StateUpdate> states = new CopyOnWriteArrayList<>();
    public final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private static final ThingTypeUID NVR_CHANNEL = new ThingTypeUID("beholder", "nvr-channel");

    private final ThingUID uid;
    private final Configuration configuration;
    private final Map<String, String> properties = new HashMap<>();
    private ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED,
            org.openhab.core.thing.ThingStatusDetail.NONE, null);
    private ThingHandler handler;

    public ThingFixture(String id, Map<String, Object> config) {
        this.uid = new ThingUID(NVR_CHANNEL, id);
        this.configuration = new Configuration(config);
    }

    /** Waits up to 20 s for a condition of the handler's asynchronous start or of its camera. */
    public static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    public ThingStatusInfo lastStatus() {
        return statuses.isEmpty() ? status : statuses.get(statuses.size() - 1);
    }

    public State lastState(String channel) {
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i).channel().equals(channel)) {
                return states.get(i).state();
            }
        }
        return null;
    }

    // ---- ThingHandlerCallback ----

    @Override
    public void stateUpdated(ChannelUID channelUID, State state) {
        states.add(new StateUpdate(channelUID.getId(), state));
    }

    @Override
    public void postCommand(ChannelUID channelUID, Command command) {
    }

    @Override
    public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
        status = thingStatus;
        statuses.add(thingStatus);
    }

    @Override
    public void thingUpdated(Thing thing) {
    }

    @Override
    public void configurationUpdated(Thing thing) {
    }

    @Override
    public void channelTriggered(Thing thing, ChannelUID channelUID, String event) {
        triggers.add(new Trigger(channelUID.getId(), event));
    }

    @Override
    public boolean isChannelLinked(ChannelUID channelUID) {
        return true;
    }

    // ---- Thing ----

    @Override
    public String getLabel() {
        return "Front door";
    }

    @Override
    public void setLabel(String label) {
    }

    @Override
    public ThingStatus getStatus() {
        return status.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo newStatus) {
        status = newStatus;
    }

    @Override
    public void setHandler(ThingHandler thingHandler) {
        handler = thingHandler;
    }

    @Override
    public ThingHandler getHandler() {
        return handler;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return NVR_CHANNEL;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public String setProperty(String name, String value) {
        return properties.put(name, value);
    }

    @Override
    public void setProperties(Map<String, String> newProperties) {
        properties.clear();
        properties.putAll(newProperties);
    }

    @Override
    public boolean isEnabled() {
        return true;
    }
}
