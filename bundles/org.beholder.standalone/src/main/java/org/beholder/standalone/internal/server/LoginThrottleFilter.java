package org.beholder.standalone.internal.server;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.standalone.internal.auth.StandaloneGuard;

/**
 * In front of Beholder's servlets: asks the guard first and answers a throttled login itself (429 when locked out,
 * 503 when too many passwords are being checked at once, both with Retry-After), because Beholder's servlets know
 * only "authenticated or 401" — and a 401 would make a browser ask for the password again. Every other decision
 * passes on; the servlets get the same decision from the guard without a second password check.
 */
final class LoginThrottleFilter implements Filter {
    private final StandaloneGuard guard;

    LoginThrottleFilter(StandaloneGuard guard) {
        this.guard = guard;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        if (guard.decide(http, httpResponse) instanceof StandaloneGuard.Throttled throttled) {
            httpResponse.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            ErrorBody.write(http, httpResponse, throttled.status(), throttled.message());
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
