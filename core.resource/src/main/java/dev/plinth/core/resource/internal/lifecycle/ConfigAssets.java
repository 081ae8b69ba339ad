package dev.plinth.core.resource.internal.lifecycle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.sandbox.files.FileBoundary;
import dev.plinth.core.sandbox.files.FileBoundaryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads and writes the JSON config assets a resource declares in its manifest ({@code assets[]}), in its source
 * folder: what a map editor saves is there at the next start. Every path is resolved by its real path through the
 * resource's {@link FileBoundary}, so neither a {@code ..} nor a symbolic link leads out of the resource; writes are
 * atomic (a temporary file moved over the old one) and within the sandbox's size quota; a resource's manifest and
 * scripts are never config assets, even when declared as such.
 *
 * <p>Thread-safe.
 */
final class ConfigAssets {

    /** The most bytes a config asset may hold when it is read. */
    static final long MAX_ASSET_BYTES = 16L << 20;
    private static final String[] CODE = {".lua", ".js", ".mjs", ".ts", ".wasm", ".class", ".jar"};

    private final ObjectMapper mapper = new ObjectMapper();
    private final LongSupplier quota;

    /**
     * Creates the reader and writer.
     *
     * @param quota the most bytes one config file may hold (the sandbox's {@code max_config_kb})
     */
    ConfigAssets(LongSupplier quota) {
        this.quota = quota;
    }

    Optional<Object> read(Deployment deployment, String path) {
        AssetFile asset = declared(deployment, path);
        try {
            byte[] content;
            if (deployment.source().kind() == ResourceSource.Kind.FOLDER) {
                Path file = boundary(deployment).resolve(asset.path());
                if (!Files.isRegularFile(file)) {
                    throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                            deployment.name() + " declares " + asset.path() + " but the file does not exist");
                }
                long size = Files.size(file);
                if (size > MAX_ASSET_BYTES) {
                    throw FileTooLargeException.bytes(asset.path(), size, MAX_ASSET_BYTES, "");
                }
                content = Files.readAllBytes(file);
            } else {
                try (var open = deployment.source().open()) {
                    if (!open.files().exists(asset.path())) {
                        throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                                deployment.name() + " declares " + asset.path() + " but the file does not exist");
                    }
                    content = open.files().read(asset.path(), MAX_ASSET_BYTES);
                }
            }
            return Optional.ofNullable(mapper.readValue(content, Object.class));
        } catch (FileBoundaryException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), e.getMessage(), e);
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(), deployment.name()
                    + ": " + asset.path() + (problem.line() == 0 ? "" : " line " + problem.line())
                    + " is not valid JSON: " + problem.reason(), e);
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
        try {
            FileBoundary boundary = boundary(deployment);
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
            boundary.checkQuota(asset.path(), json.length, quota.getAsLong());
            Path target = boundary.resolve(asset.path());
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(boundary.resolve(parentOf(asset.path())), "." + target.getFileName(),
                    ".part");
            try {
                Files.write(partial, json);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return asset.path();
        } catch (FileBoundaryException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(), deployment.name()
                    + ": the value for " + asset.path() + " cannot be written as JSON: "
                    + ParseProblem.of(e).reason(), e);
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), deployment.name()
                    + ": cannot write " + asset.path() + " (the old file is unchanged): " + e.getMessage(), e);
        }
    }

    private static FileBoundary boundary(Deployment deployment) {
        return new FileBoundary(deployment.name(), deployment.source().path());
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /**
     * The declared asset at a path, after refusing paths that leave the resource by name and assets that are code:
     * the manifest, the scripts and any file of a script language.
     */
    private static AssetFile declared(Deployment deployment, String path) {
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("[A-Za-z]:.*")
                || java.util.List.of(normalized.split("/")).contains("..")) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(),
                    deployment.name() + ": '" + path + "' leaves the resource; asset paths are relative to it");
        }
        String relative = normalized.startsWith("./") ? normalized.substring(2) : normalized;
        ResourceDescriptor descriptor = deployment.descriptor();
        AssetFile asset = descriptor.assets().stream()
                .filter(a -> a.path().equals(relative))
                .findFirst()
                .orElseThrow(() -> new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                        deployment.name() + " declares no asset '" + relative + "' in its "
                                + descriptor.manifestPath()));
        if (isCode(descriptor, relative)) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, deployment.name(), deployment.name()
                    + ": '" + relative + "' is its manifest or code, never a config asset: config assets are data");
        }
        return asset;
    }

    private static boolean isCode(ResourceDescriptor descriptor, String relative) {
        String lower = relative.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        if (relative.equals(descriptor.manifestPath()) || descriptor.serverScripts().contains(relative)
                || descriptor.main().map(relative::equals).orElse(false)
                || descriptor.scripts().stream().anyMatch(s -> s.path().equals(relative))
                || name.equals("manifest.json") || name.equals("meta.json") || name.endsWith(".toml")
                || name.equals("manifest.mf")) {
            return true;
        }
        for (String extension : CODE) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
