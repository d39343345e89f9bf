"""bench/profile-summary.py: async-profiler's collapsed stacks -> the profile text of bench/results/profiles.

Usage: python3 bench/profile-summary.py STACKS HEADER_FILE > OUT.txt (see bench/profile.sh). Prints the header
lines, the inclusive share of every frame in >= 2% of the samples, then the self time: the share of samples by
the package group of the top-most frame, of the top-most frame that is neither the JDK nor native code, and the
kernel and native time by the Java frame that called it.
"""

import sys
from collections import Counter

GROUPS = [  # (group, frame prefixes); the first match wins
    ("our code (id.otos)", ("id/otos/",)),
    ("Spring Security", ("org/springframework/security/",)),
    ("Spring Session (and its Java deserialization)", ("org/springframework/session/", "org/springframework/core/serializer/")),
    ("Thymeleaf/SpEL", ("org/thymeleaf/", "org/attoparser/", "org/unbescape/", "org/springframework/expression/")),
    ("Hibernate/JDBC/PostgreSQL driver", ("org/hibernate/", "com/zaxxer/", "org/postgresql/", "jakarta/persistence/",
                                          "org/springframework/orm/", "org/springframework/jdbc/",
                                          "org/springframework/transaction/", "org/springframework/data/")),
    ("Tomcat", ("org/apache/catalina/", "org/apache/coyote/", "org/apache/tomcat/", "jakarta/servlet/")),
    ("Jackson", ("com/fasterxml/", "tools/jackson/")),
    ("logging", ("ch/qos/logback/", "org/slf4j/", "org/apache/logging/")),
    ("Micrometer/observation", ("io/micrometer/",)),
    ("other Spring (MVC, core, AOP)", ("org/springframework/",)),
    ("JDK (java/jdk/sun)", ("java/", "javax/", "jdk/", "sun/", "com/sun/")),
]
JIT = ("CompileBroker::", "C2Compiler::", "C1Compiler", "Compile::")
GC = ("G1", "GCTaskThread", "ConcurrentGCThread", "WorkerThread::", "GangWorker", "VM_GC", "ParallelGC", "SerialHeap")


def group(frame):
    for name, prefixes in GROUPS:
        if frame.startswith(prefixes):
            return name
    return None


def main(stacks_path, header_path):
    stacks = []
    for line in open(stacks_path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line:
            continue
        stack, _, count = line.rpartition(" ")
        stacks.append((stack.split(";"), int(count)))
    total = sum(c for _, c in stacks) or 1
    inclusive, top, top_lib, caller = Counter(), Counter(), Counter(), Counter()
    for frames, count in stacks:
        for frame in set(frames):
            inclusive[frame] += count
        if any(f.startswith(JIT) for f in frames):
            kind = "JIT compiler threads"
            top[kind] += count
            top_lib[kind] += count
            continue
        if any(f.startswith(GC) for f in frames) and not any("/" in f for f in frames):
            kind = "GC threads"
            top[kind] += count
            top_lib[kind] += count
            continue
        native = "kernel (system calls)" if frames[-1].endswith("_[k]") else "native (JVM, libc)"
        top[group(frames[-1]) or native] += count
        lib = next((g for g in (group(f) for f in reversed(frames)) if g and not g.startswith("JDK")), None)
        top_lib[lib or ("JDK (java/jdk/sun)" if any(group(f) for f in frames) else native)] += count
        if not group(frames[-1]):
            caller[(native, next((f for f in reversed(frames) if group(f)), "(no Java frame)"))] += count
    sys.stdout.write(open(header_path, encoding="utf-8").read())
    print(f"# {total} samples; share of all samples of the app in which a frame appears (inclusive), frames of 2% and more")
    for frame, count in sorted(inclusive.items(), key=lambda kv: (-kv[1], kv[0])):
        if count * 100 / total < 2:
            break
        print(f"{count * 100 / total:5.1f}% {frame}")
    print("#")
    print("# self time: share of samples by the package group of the top-most frame")
    for name, count in top.most_common():
        print(f"{count * 100 / total:5.1f}% {name}")
    print("#")
    print("# self time charged to the top-most frame that is not the JDK's (a HashMap.get called by Spring Security counts")
    print("# as Spring Security)")
    for name, count in top_lib.most_common():
        print(f"{count * 100 / total:5.1f}% {name}")
    print("#")
    print("# kernel and native self time by the Java frame that called it (1% and more)")
    for (native, frame), count in caller.most_common():
        if count * 100 / total < 1:
            break
        print(f"{count * 100 / total:5.1f}% {native} <- {frame}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
