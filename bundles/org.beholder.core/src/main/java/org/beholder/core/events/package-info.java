/**
 * The event model: what happened on a camera ({@link org.beholder.core.events.NvrEvent}, one schema per
 * {@link org.beholder.core.events.EventType}) and the {@link org.beholder.core.events.EventJournal} that keeps
 * recent events and fans new ones out. The web bundle only serves them.
 */
@Export
@Version("0.1.0")
package org.beholder.core.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
