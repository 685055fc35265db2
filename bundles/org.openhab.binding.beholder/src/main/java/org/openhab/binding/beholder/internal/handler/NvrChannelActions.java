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
 * Rule actions of an NVR Channel: {@code record(seconds)}, {@code snapshot()}, {@code getLastEvent()} and, for PTZ
 * cameras, {@code gotoPreset(preset)} and {@code savePreset(name)}. The static
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

    @RuleAction(label = "go to preset", description = "Moves a PTZ camera to one of its presets")
    public @ActionOutput(type = "java.lang.Boolean", label = "done") boolean gotoPreset(
            @ActionInput(name = "preset", label = "Preset", description = "The preset's name or token") String preset) {
        NvrChannelHandler current = handler;
        return current != null && current.gotoPreset(preset);
    }

    @RuleAction(label = "save preset", description = "Saves a PTZ camera's position as a preset")
    public @ActionOutput(type = "java.lang.Boolean", label = "done") boolean savePreset(
            @ActionInput(name = "name", label = "Name", description = "The preset's name") String name) {
        NvrChannelHandler current = handler;
        return current != null && current.savePreset(name);
    }

    public static boolean gotoPreset(ThingActions actions, String preset) {
        return ((NvrChannelActions) actions).gotoPreset(preset);
    }

    public static boolean savePreset(ThingActions actions, String name) {
        return ((NvrChannelActions) actions).savePreset(name);
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
