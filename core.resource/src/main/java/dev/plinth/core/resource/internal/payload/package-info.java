/** The client payloads of the started resources: which files, their hashes, kept until the files change. */
package dev.plinth.core.resource.internal.payload;
