/**
 * The persistent event store: {@link org.beholder.core.store.EventStore} keeps every event
 * ({@link org.beholder.core.store.StoredEvent}) in one SQLite database under the data folder, answers
 * {@link org.beholder.core.store.EventQuery searches} page by page, applies
 * {@link org.beholder.core.store.RetentionPolicy retention} and keeps event thumbnails beside it
 * (docs/design/event-store.md).
 */
@Export
@Version("0.1.0")
package org.beholder.core.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
