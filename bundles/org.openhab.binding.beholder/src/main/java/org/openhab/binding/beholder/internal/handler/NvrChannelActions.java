package org.openhab.binding.beholder.internal.handler;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Rule actions of an NVR Channel: {@code record(seconds)}, {@code snapshot()} and {@code getLastEvent()}. The static
 * methods are for DSL rules: {@code getActions("beholder", "beholder:nvr-channel:front").record(30)}.
 */
@Component(scope = ServiceScope.PROTOTYPE, service = NvrChannelActions.class)
@ThingActionsScope(name = "beholder")
public class NvrChannelActions implements ThingActions {
    private @Nullable NvrChannelHandler handler;

    @Override
    public void setThingHandler(ThingHandler thingHandler) {
        this.handler = (NvrChannelHandler) thingHandler;
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    @RuleAction(label = "record", description = "Starts (or extends) an event recording with pre-roll")
    public @ActionOutput(type = "java.lang.Boolean", label = "started") boolean record(
            @ActionInput(name = "seconds", label = "Seconds", description = "How long to record, 1-3600") int seconds) {
        NvrChannelHandler current = handler;
        return current != null && current.record(seconds);
    }

    @RuleAction(label = "snapshot", description = "The latest picture of the camera as JPEG")
    public @ActionOutput(type = "byte[]", label = "JPEG") byte @Nullable [] snapshot() {
        NvrChannelHandler current = handler;
        return current == null ? null : current.snapshot();
    }

    @RuleAction(label = "last event", description = "When the last motion, object, QR code or recording happened")
    public @ActionOutput(type = "java.time.Instant", label = "time") @Nullable Instant getLastEvent() {
        NvrChannelHandler current = handler;
        return current == null ? null : current.lastEvent();
    }

    public static boolean record(ThingActions actions, int seconds) {
        return ((NvrChannelActions) actions).record(seconds);
    }

    public static byte @Nullable [] snapshot(ThingActions actions) {
        return ((NvrChannelActions) actions).snapshot();
    }

    public static @Nullable Instant getLastEvent(ThingActions actions) {
        return ((NvrChannelActions) actions).getLastEvent();
    }
}
