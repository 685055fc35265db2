package org.beholder.standalone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beholder.standalone.internal.auth.PasswordHash;
import org.junit.jupiter.api.Test;

class AuthTest {

    @Test
    void passwordHashesAreSaltedAndVerify() {
        String first = PasswordHash.hash("s3cret".toCharArray());
        String second = PasswordHash.hash("s3cret".toCharArray());
        assertNotEquals(first, second, "salted");
        assertTrue(first.startsWith("pbkdf2-sha256:210000:"));
        assertFalse(first.contains("s3cret"));
        assertTrue(PasswordHash.verify("s3cret".toCharArray(), first));
        assertFalse(PasswordHash.verify("s3cret!".toCharArray(), first));
        assertFalse(PasswordHash.verify("s3cret".toCharArray(), "pbkdf2-sha256:10:AAAA:AAAA"), "too few rounds");
        assertFalse(PasswordHash.verify("s3cret".toCharArray(), "md5:abc"));
        assertEquals(4, first.split(":").length);
    }
}
