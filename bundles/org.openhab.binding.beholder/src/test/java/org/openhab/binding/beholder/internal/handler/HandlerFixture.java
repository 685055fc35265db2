package org.openhab.binding.beholder.internal.handler;

import java.util.Map;

import org.openhab.binding.beholder.internal.BeholderRuntime;
import org.openhab.binding.beholder.testing.ThingFixture;

/** A handler of an NVR Channel thing over a runtime, with a {@link ThingFixture} as its thing and callback. */
final class HandlerFixture {
    private HandlerFixture() {
    }

    static ThingFixture thing(String id, Map<String, Object> config, BeholderRuntime runtime) {
        ThingFixture thing = new ThingFixture(id, config);
        NvrChannelHandler handler = new NvrChannelHandler(thing, runtime);
        handler.setCallback(thing);
        thing.setHandler(handler);
        return thing;
    }
}
