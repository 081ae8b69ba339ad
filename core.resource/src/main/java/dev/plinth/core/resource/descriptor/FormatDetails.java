package dev.plinth.core.resource.descriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Version;

/**
 * What a manifest says beyond the normalized descriptor: the fields only its format has, kept as written.
 */
public sealed interface FormatDetails {

    /**
     * resource.toml's own fields.
     *
     * @param type the runtime type as written ({@code js}, {@code lua}, {@code wasm}, {@code asset-pack})
     * @param clientMain {@code client-main}: the script clients run, if any (it also heads the descriptor's
     *     {@code clientFiles})
     */
    record ResourceToml(String type, Optional<String> clientMain) implements FormatDetails {
        /** Validates the components. */
        public ResourceToml {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(clientMain, "clientMain");
        }
    }

    /**
     * plugin.toml's own fields: whether its {@code [permissions]} section is there at all (a manifest without one gets
     * the default grants; one with an empty section gets none), and those of WebAssembly plugins, in the manifest as
     * the MC-RS design document writes it ({@code main}) and as the released MC-RS writes it ({@code wasm_file},
     * {@code [limits]}).
     *
     * @param permissionsSection whether the manifest has a {@code [permissions]} section
     * @param wasmFile whether the entry was given as {@code wasm_file} (the released MC-RS manifest) rather than
     *     {@code main}
     * @param abi {@code [plugin] abi} as written ({@code extism}, {@code mcrs}, {@code env}), if given
     * @param limits the {@code [limits]} table ({@code fuel_per_event = 1000000}), in the order written; empty when
     *     there is none
     */
    record PluginToml(boolean permissionsSection, boolean wasmFile, Optional<String> abi, Map<String, Long> limits)
            implements FormatDetails {

        /** Validates and copies the components. */
        public PluginToml {
            Objects.requireNonNull(abi, "abi");
            limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        }

        /**
         * The fields of a plugin without WebAssembly fields (Lua, JavaScript, or no code).
         *
         * @param permissionsSection whether the manifest has a {@code [permissions]} section
         */
        public PluginToml(boolean permissionsSection) {
            this(permissionsSection, false, Optional.empty(), Map.of());
        }
    }

    /**
     * meta.json's own fields.
     *
     * @param minClientVersion {@code minClientVersion}, if given
     * @param minServerVersion {@code minServerVersion}, if given (also a {@link Dependency.Kind#SERVER} dependency)
     */
    record MetaJson(Optional<String> minClientVersion, Optional<String> minServerVersion) implements FormatDetails {
        /** Validates the components. */
        public MetaJson {
            Objects.requireNonNull(minClientVersion, "minClientVersion");
            Objects.requireNonNull(minServerVersion, "minServerVersion");
        }
    }

    /**
     * A Staminal mod's own fields.
     *
     * @param displayName {@code name}: the display name (the mod id is the folder name)
     * @param priority lower loads first; 0 by default
     * @param modType {@code bootstrap} or {@code library}
     * @param executeOn where the mod runs: {@code server}, {@code client} or both
     * @param manifestSide which manifest was read: {@code server} for {@code server/manifest.json}, empty for the
     *     root one
     */
    record ModManifest(String displayName, int priority, String modType, Set<Side> executeOn,
            Optional<String> manifestSide) implements FormatDetails {
        /** Validates and copies the components. */
        public ModManifest {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(modType, "modType");
            executeOn = Set.copyOf(executeOn);
            Objects.requireNonNull(manifestSide, "manifestSide");
        }
    }

    /**
     * A Bedrock pack's own fields.
     *
     * @param formatVersion {@code format_version} as written (1, 2, 3)
     * @param displayName {@code header.name}
     * @param uuid {@code header.uuid}
     * @param minEngineVersion {@code header.min_engine_version}, if given
     * @param modules {@code modules[]}
     * @param scriptModules the script API modules it uses ({@code @minecraft/server} → {@code 1.10.0})
     * @param capabilities {@code capabilities[]}
     * @param authors {@code metadata.authors[]}
     */
    record PackManifest(String formatVersion, String displayName, String uuid, Optional<Version> minEngineVersion,
            List<PackModule> modules, Map<String, String> scriptModules, List<String> capabilities,
            List<String> authors) implements FormatDetails {
        /** Validates and copies the components. */
        public PackManifest {
            Objects.requireNonNull(formatVersion, "formatVersion");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(minEngineVersion, "minEngineVersion");
            modules = List.copyOf(modules);
            scriptModules = Map.copyOf(scriptModules);
            capabilities = List.copyOf(capabilities);
            authors = List.copyOf(authors);
        }

        /**
         * Whether the pack has behavior (data or script modules), rather than only client resources.
         *
         * @return {@code true} for a behavior pack
         */
        public boolean isBehaviorPack() {
            return modules.stream().anyMatch(m -> m.type().equals("data") || m.type().equals("script"));
        }
    }

    /**
     * One module of a Bedrock pack.
     *
     * @param type {@code data}, {@code script}, {@code resources}...
     * @param uuid its uuid
     * @param version its version
     * @param description its description, possibly empty
     * @param language a script module's language ({@code javascript}), if given
     * @param entry a script module's entry file, if given
     */
    record PackModule(String type, String uuid, Version version, String description, Optional<String> language,
            Optional<String> entry) {
        /** Validates the components. */
        public PackModule {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * A Java plugin bundle's headers.
     *
     * @param symbolicName its {@code Bundle-SymbolicName}
     */
    record Bundle(String symbolicName) implements FormatDetails {
        /** Validates the components. */
        public Bundle {
            Objects.requireNonNull(symbolicName, "symbolicName");
        }
    }
}
