package dev.plinth.core.resource.internal.lifecycle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the JSON config assets a resource declares in its manifest ({@code assets[]}), in its source
 * folder: what a map editor saves is there at the next start. Writes are atomic (a temporary file moved over the
 * old one); a path leaving the resource or one the manifest does not declare is refused.
 *
 * <p>Thread-safe.
 */
final class ConfigAssets {

    /** The most bytes a config asset may hold. */
    static final long MAX_ASSET_BYTES = 16L << 20;

    private final ObjectMapper mapper = new ObjectMapper();

    Optional<Object> read(Deployment deployment, String path) {
        AssetFile asset = declared(deployment, path);
        try (var open = deployment.source().open()) {
            if (!open.files().exists(asset.path())) {
                throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                        deployment.name() + " declares " + asset.path() + " but the file does not exist");
            }
            return Optional.ofNullable(mapper.readValue(open.files().read(asset.path(), MAX_ASSET_BYTES), Object.class));
        } catch (JacksonException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(), deployment.name()
                    + ": " + asset.path() + " line " + e.getLocation().getLineNr() + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (FileTooLargeException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(),
                    deployment.name() + ": " + e.getMessage() + " for a config asset", e);
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                    deployment.name() + ": cannot read " + asset.path() + ": " + e.getMessage(), e);
        }
    }

    String write(Deployment deployment, String path, Object value) {
        AssetFile asset = declared(deployment, path);
        if (deployment.source().kind() != ResourceSource.Kind.FOLDER) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), deployment.name()
                    + " is deployed from " + deployment.source().relative() + ": its files are read-only");
        }
        Path target = deployment.source().path().resolve(asset.path());
        try {
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.write(partial, json);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return asset.path();
        } catch (JacksonException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(), deployment.name()
                    + ": the value for " + asset.path() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), deployment.name()
                    + ": cannot write " + asset.path() + " (the old file is unchanged): " + e.getMessage(), e);
        }
    }

    /** The declared asset at a path, after refusing paths that leave the resource. */
    private static AssetFile declared(Deployment deployment, String path) {
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("[A-Za-z]:.*")
                || List.of(normalized.split("/")).contains("..")) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(),
                    deployment.name() + ": '" + path + "' leaves the resource; asset paths are relative to it");
        }
        String relative = normalized.startsWith("./") ? normalized.substring(2) : normalized;
        return deployment.descriptor().assets().stream()
                .filter(a -> a.path().equals(relative))
                .findFirst()
                .orElseThrow(() -> new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                        deployment.name() + " declares no asset '" + relative + "' in its "
                                + deployment.descriptor().manifestPath()));
    }
}
