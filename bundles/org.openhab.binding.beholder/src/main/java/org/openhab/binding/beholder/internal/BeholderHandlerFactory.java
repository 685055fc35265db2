package org.openhab.binding.beholder.internal;

import static org.openhab.binding.beholder.internal.BeholderBindingConstants.THING_TYPE_NVR_CHANNEL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.beholder.internal.handler.NvrChannelHandler;
import org.openhab.binding.beholder.internal.handler.UnavailableHandler;
import org.openhab.binding.beholder.internal.web.WebMounts;
import org.openhab.core.OpenHAB;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.io.rest.auth.AuthFilter;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates NVR Channel handlers; owns the runtime they share (data under {@code <userdata>/beholder}) and mounts
 * the Beholder page and REST while it is active. Its configuration (PID {@code binding.beholder}) is the add-on's
 * settings. When the data folder is taken by another Beholder, the factory still creates handlers, which say so
 * in their Thing status, instead of failing where only the log would tell.
 */
@Component(service = { ThingHandlerFactory.class, BeholderHandlerFactory.class }, configurationPid = "binding.beholder")
public class BeholderHandlerFactory extends BaseThingHandlerFactory {
    private final Logger logger = LoggerFactory.getLogger(BeholderHandlerFactory.class);
    private final OpenHabAccessGuard guard;
    private final @Nullable BeholderRuntime runtime;
    private final String unavailable;
    private @Nullable WebMounts mounts;

    @Activate
    public BeholderHandlerFactory(@Reference AuthFilter authFilter, Map<String, Object> properties) {
        this(Path.of(OpenHAB.getUserDataFolder(), "beholder"), new OpenHabAccessGuard(authFilter), properties);
    }

    BeholderHandlerFactory(Path dataFolder, OpenHabAccessGuard guard, Map<String, Object> properties) {
        this.guard = guard;
        modified(properties);
        BeholderRuntime started = null;
        String reason = "";
        try {
            started = new BeholderRuntime(dataFolder, guard);
        } catch (IOException | RuntimeException e) {
            reason = "Beholder cannot use its data folder: " + e.getMessage();
            logger.error("{}", reason);
        }
        this.runtime = started;
        this.unavailable = reason;
    }

    @Override
    @Activate
    protected void activate(ComponentContext componentContext) {
        super.activate(componentContext);
        BeholderRuntime current = runtime;
        if (current != null) {
            mounts = new WebMounts(componentContext.getBundleContext(), current.web());
        }
    }

    @Modified
    protected void modified(Map<String, Object> properties) {
        BeholderBindingConfiguration config = new Configuration(properties).as(BeholderBindingConfiguration.class);
        guard.setAnonymousViewing(config.allowAnonymousViewing);
    }

    @Override
    @Deactivate
    protected void deactivate(ComponentContext componentContext) {
        close();
        super.deactivate(componentContext);
    }

    /** Unmounts the web endpoints and closes the runtime, which releases the data folder for the next start. */
    void close() {
        WebMounts registered = mounts;
        if (registered != null) {
            registered.close();
            mounts = null;
        }
        BeholderRuntime current = runtime;
        if (current != null) {
            current.close();
        }
    }

    /** The shared runtime, or null when the data folder could not be taken. */
    public @Nullable BeholderRuntime runtime() {
        return runtime;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return THING_TYPE_NVR_CHANNEL.equals(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        if (!THING_TYPE_NVR_CHANNEL.equals(thing.getThingTypeUID())) {
            return null;
        }
        BeholderRuntime current = runtime;
        return current != null ? new NvrChannelHandler(thing, current) : new UnavailableHandler(thing, unavailable);
    }
}
