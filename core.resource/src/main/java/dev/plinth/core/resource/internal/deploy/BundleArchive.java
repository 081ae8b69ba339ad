package dev.plinth.core.resource.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Writes the bundle of a resource: the generated manifest first, then the resource's files unchanged (its own
 * manifest file among them). A jar source is copied as it is. The file is written next to its target and moved in
 * place, so a half-written bundle is never installed.
 */
public final class BundleArchive {

    private BundleArchive() {}

    /**
     * Writes the bundle for a source.
     *
     * @param source the resource on disk
     * @param headers the generated headers (ignored for a jar)
     * @param target the bundle file to write
     * @throws IOException when the source cannot be read or the target written
     */
    public static void write(ResourceSource source, Map<String, String> headers, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        if (source.kind() == ResourceSource.Kind.JAR) {
            Files.copy(source.path(), partial, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (OutputStream file = Files.newOutputStream(partial);
                    JarOutputStream jar = new JarOutputStream(file, manifest(headers))) {
                switch (source.kind()) {
                    case FOLDER -> copyFolder(source.path(), jar);
                    case ZIP -> copyZip(source, jar);
                    case JAR -> throw new AssertionError("copied above");
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Manifest manifest(Map<String, String> headers) {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
        return manifest;
    }

    private static void copyFolder(Path folder, JarOutputStream jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                continue; // the generated manifest takes its place
            }
            jar.putNextEntry(new ZipEntry(name));
            Files.copy(file, jar);
            jar.closeEntry();
        }
    }

    private static void copyZip(ResourceSource source, JarOutputStream jar) throws IOException {
        try (ZipFiles zip = ZipFiles.open(source.path(), source.fileName())) {
            for (ZipEntry entry : zip.zip().stream().sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList()) {
                String name = zip.relative(entry);
                if (name == null || name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                jar.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.zip().getInputStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }
}
