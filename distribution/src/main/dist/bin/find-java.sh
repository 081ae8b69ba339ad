# Finds a JDK 25 and exports PLINTH_JAVA_HOME; sourced by bin/plinth and by the source tree's ./plinthw.
# Order: $JAVA_HOME, then the usual install folders, then `java` on the PATH. A JDK 25 is preferred; a newer
# one is accepted when there is no 25. Exits with a message naming Java 25 when none is found.

plinth_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  local release="$1/release" v
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  elif [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -x "$1/bin/java" ] && printf '%s' "$v"
}

plinth_find_java() {
  local candidates=() c major best="" path_java
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  path_java=$(command -v java 2>/dev/null) && candidates+=("$(dirname "$(dirname "$(readlink -f "$path_java")")")")
  for c in "${candidates[@]}"; do
    major=$(plinth_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" = 25 ]; then PLINTH_JAVA_HOME="$c"; export PLINTH_JAVA_HOME; return 0; fi
    if [ -z "$best" ] && [ "$major" -gt 25 ] 2>/dev/null; then best="$c"; fi
  done
  if [ -n "$best" ]; then PLINTH_JAVA_HOME="$best"; export PLINTH_JAVA_HOME; return 0; fi
  echo "plinth: Java 25 is required, but no JDK 25 was found (looked at JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm," >&2
  echo "        /usr/java, /opt/java, ~/.sdkman, ~/.jdks and the java on the PATH). Install a JDK 25 (for example" >&2
  echo "        Temurin 25) or set JAVA_HOME to one." >&2
  return 1
}
