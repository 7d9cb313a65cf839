package org.lexgap.api.service;

import java.nio.file.Path;

import org.lexgap.api.model.PackInfo;

/**
 * Installs, updates and removes packs while the platform runs. A pack is a directory (pack.json, jurisdictions/,
 * rules/, tests/) or a pack jar, read as an archive of those files; either way the loader builds the bundle
 * itself, with a generated manifest and no code. Each operation returns once the pack has been loaded or refused,
 * within the platform's load time budget.
 *
 * <p>An install or update is read, verified, checked, compiled and tested beside what serves, then switched in one
 * step: readers see the old version or the new one, never neither. Whatever fails, only that pack is refused, with
 * a one-line reason in its problems.
 */
public interface PackInstaller {

    /**
     * Installs the pack at {@code path} (or updates it, when a pack from that path is installed already). A pack
     * that is refused is still listed, as {@code FAILED} with its problems, so that it can be fixed and updated in
     * place.
     */
    PackInfo install(Path path);

    /**
     * Replaces the content of the installed pack {@code packId} with the pack at {@code path} (or re-reads its own
     * source when {@code path} is null). If the new content is refused, the previous version keeps serving without
     * a gap and the returned info says why.
     *
     * @throws IllegalArgumentException when no pack with that id is installed
     */
    PackInfo update(String packId, Path path);

    /**
     * Uninstalls the pack {@code packId}. Never waits for a load in progress.
     *
     * @throws IllegalArgumentException when no pack with that id is installed
     */
    void uninstall(String packId);
}
