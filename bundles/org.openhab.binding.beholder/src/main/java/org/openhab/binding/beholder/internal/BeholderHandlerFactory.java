package org.openhab.binding.beholder.internal;

import static org.openhab.binding.beholder.internal.BeholderBindingConstants.THING_TYPE_NVR_CHANNEL;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.beholder.internal.handler.NvrChannelHandler;
import org.openhab.binding.beholder.internal.web.WebMounts;
import org.openhab.core.OpenHAB;
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
import org.osgi.service.component.annotations.Reference;

/**
 * Creates NVR Channel handlers; owns the runtime they share (data under {@code <userdata>/beholder}) and mounts
 * the Beholder page and REST while it is active.
 */
@Component(service = { ThingHandlerFactory.class, BeholderHandlerFactory.class }, configurationPid = "binding.beholder")
public class BeholderHandlerFactory extends BaseThingHandlerFactory {
    private final BeholderRuntime runtime;
    private @Nullable WebMounts mounts;

    @Activate
    public BeholderHandlerFactory(@Reference AuthFilter authFilter) throws IOException {
        this(new BeholderRuntime(Path.of(OpenHAB.getUserDataFolder(), "beholder"), new OpenHabAccessGuard(authFilter)));
    }

    BeholderHandlerFactory(BeholderRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    @Activate
    protected void activate(ComponentContext componentContext) {
        super.activate(componentContext);
        mounts = new WebMounts(componentContext.getBundleContext(), runtime.web());
    }

    @Override
    @Deactivate
    protected void deactivate(ComponentContext componentContext) {
        WebMounts registered = mounts;
        if (registered != null) {
            registered.close();
        }
        runtime.close();
        super.deactivate(componentContext);
    }

    public BeholderRuntime runtime() {
        return runtime;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return THING_TYPE_NVR_CHANNEL.equals(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        return THING_TYPE_NVR_CHANNEL.equals(thing.getThingTypeUID()) ? new NvrChannelHandler(thing, runtime) : null;
    }
}
