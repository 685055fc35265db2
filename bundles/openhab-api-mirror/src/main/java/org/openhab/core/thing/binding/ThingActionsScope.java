package org.openhab.core.thing.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingActionsScope}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ThingActionsScope {
    String name();
}
