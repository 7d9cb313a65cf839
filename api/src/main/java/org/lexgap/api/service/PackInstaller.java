package org.lexgap.api.service;

import java.nio.file.Path;

import org.lexgap.api.model.PackInfo;

/**
 * Installs, updates and removes packs while the platform runs. A pack is a directory (pack.json, jurisdictions/,
 * rules/, tests/) or a pack bundle jar; a directory is installed as a bundle with a generated manifest. Operations
 * are serialised; each returns once the pack has been loaded or refused.
 */
public interface PackInstaller {

    /**
     * Installs and starts the pack at {@code path}. A pack that fails to load is still installed, reported as
     * {@code FAILED} with its problems, so that it can be fixed and updated in place.
     */
    PackInfo install(Path path);

    /**
     * Replaces the content of the installed pack {@code packId} with the pack at {@code path} (or re-reads its own
     * directory when {@code path} is null). If the new content fails, the previous version keeps serving and the
     * returned info says why.
     *
     * @throws IllegalArgumentException when no pack with that id is installed
     */
    PackInfo update(String packId, Path path);

    /**
     * Uninstalls the pack {@code packId}.
     *
     * @throws IllegalArgumentException when no pack with that id is installed
     */
    void uninstall(String packId);
}
