package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @Test
    void secondOwnerIsRefusedWithThePidUntilTheFirstLetsGo(@TempDir Path folder) throws Exception {
        try (DataFolderLock first = DataFolderLock.acquire(folder)) {
            DataFolderLock.InUseException refused = assertThrows(DataFolderLock.InUseException.class,
                    () -> DataFolderLock.acquire(folder));
            assertTrue(refused.getMessage().contains("in use by PID " + ProcessHandle.current().pid()),
                    refused.getMessage());
        }
        DataFolderLock.acquire(folder).close();
    }
}
