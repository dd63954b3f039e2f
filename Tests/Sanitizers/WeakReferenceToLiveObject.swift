// The reproduction behind the weak-reference entry of lsan-suppressions.txt: an object that once had a weak
// reference taken to it, and is still alive at exit, has its 32-byte side table reported as a direct leak. The
// object's reference count holds the side table's address shifted and tagged, so LeakSanitizer's scan does not
// see a pointer to it. Run: scripts/sanitizer-repros.sh
final class Holder {
    var value = 1
}

func makeHolder() -> Holder {
    let holder = Holder()
    let read = { [weak holder] in holder?.value ?? 0 }  // the weak reference, gone when this returns
    _ = read()
    return holder
}

let kept = makeHolder()
print("kept alive until exit: \(kept.value)")
