package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.BaseThingHandler} (members the binding uses), with
 * openHAB's documented behaviour: state, trigger and status updates go to the callback when one is set.
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {
    private static final ScheduledExecutorService SHARED_POOL = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "thingHandler");
        thread.setDaemon(true);
        return thread;
    });

    protected final ScheduledExecutorService scheduler = SHARED_POOL;
    protected Thing thing;
    private @Nullable ThingHandlerCallback callback;

    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    @Override
    public void handleRemoval() {
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.statusUpdated(thing, new ThingStatusInfo(ThingStatus.REMOVED, ThingStatusDetail.NONE, null));
        }
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        updateConfiguration(configuration);
        dispose();
        initialize();
    }

    @Override
    public void dispose() {
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        this.thing = thing;
        initialize();
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        this.callback = thingHandlerCallback;
    }

    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, org.openhab.core.types.RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
    }

    protected Configuration getConfig() {
        return thing.getConfiguration();
    }

    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.stateUpdated(channelUID, state);
        }
    }

    protected void updateState(String channelID, State state) {
        updateState(new ChannelUID(thing.getUID(), channelID), state);
    }

    protected void triggerChannel(ChannelUID channelUID, String event) {
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.channelTriggered(thing, channelUID, event);
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(new ChannelUID(thing.getUID(), channelID), event);
    }

    protected void triggerChannel(String channelUID) {
        triggerChannel(new ChannelUID(thing.getUID(), channelUID), "");
    }

    protected void triggerChannel(ChannelUID channelUID) {
        triggerChannel(channelUID, "");
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(new ChannelUID(thing.getUID(), channelID), command);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.postCommand(channelUID, command);
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        ThingHandlerCallback current = callback;
        if (current != null) {
            ThingStatusInfo info = new ThingStatusInfo(status, statusDetail, description);
            current.statusUpdated(thing, info);
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    protected Configuration editConfiguration() {
        return new Configuration(thing.getConfiguration().getProperties());
    }

    protected void updateConfiguration(Configuration configuration) {
        thing.getConfiguration().setProperties(configuration.getProperties());
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.configurationUpdated(thing);
        }
    }

    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    protected void updateProperties(@Nullable Map<String, String> properties) {
        properties.forEach(thing::setProperty);
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.thingUpdated(thing);
        }
    }

    protected void updateProperty(String name, @Nullable String value) {
        updateProperties(Map.of(name, value));
    }

    protected boolean isLinked(String channelId) {
        return isLinked(new ChannelUID(thing.getUID(), channelId));
    }

    protected boolean isLinked(ChannelUID channelUID) {
        ThingHandlerCallback current = callback;
        return current != null && current.isChannelLinked(channelUID);
    }

    protected boolean isInitialized() {
        ThingStatus status = thing.getStatus();
        return status == ThingStatus.ONLINE || status == ThingStatus.OFFLINE || status == ThingStatus.UNKNOWN;
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
    }
}
