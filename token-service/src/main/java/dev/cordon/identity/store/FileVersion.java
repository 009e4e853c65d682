package dev.cordon.identity.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a file a reader has: an atomic replacement gives the file a new inode ({@code fileKey}) even when
 * two writes fall within one tick of the modification time.
 */
record FileVersion(FileTime modified, Object fileKey, long size) {

    static FileVersion of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileVersion(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size());
    }
}
