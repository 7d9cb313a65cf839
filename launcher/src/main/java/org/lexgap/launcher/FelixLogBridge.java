package org.lexgap.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Routes the framework's own log into SLF4J, so that framework noise obeys the CLI's log level. */
final class FelixLogBridge extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLogOut(int level, String message, Throwable throwable) {
        switch (level) {
            case LOG_ERROR -> LOG.error(message, throwable);
            case LOG_WARNING -> LOG.warn(message, throwable);
            case LOG_INFO -> LOG.info(message, throwable);
            default -> LOG.debug(message, throwable);
        }
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        doLogOut(level, (bundle == null ? "" : "[" + bundle.getSymbolicName() + "] ") + msg, throwable);
    }
}
