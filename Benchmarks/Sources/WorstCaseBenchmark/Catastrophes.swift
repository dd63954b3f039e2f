/// Patterns known to backtrack catastrophically, and names that make them work hardest.
enum Catastrophes {
    /// Each pattern with the kind of blow-up it shows; an accept entry of the benchmark policy each.
    static let patterns: [(pattern: String, kind: String)] = [
        (#"^(a+)+$"#, "nested quantifier"),
        (#"^(\w+\s?)*$"#, "nested quantifier"),
        (#"(a|a)*b"#, "overlapping alternation"),
        (#"(.*a){12}"#, "nested quantifier, unanchored"),
        (#"^(a|aa)+$"#, "overlapping alternation"),
        (#"(a|a){0,14}bc"#, "bounded overlapping alternation, unanchored"),
        (#"\w*_\w*_\w*!"#, "adjacent overlapping repeats, unanchored"),
        (#"(.*.*a)*b"#, "nested repeats of repeats, unanchored"),
        (#".*.*=.*x"#, "adjacent overlapping repeats, unanchored"),
    ]

    /// Names of every length up to 255 bytes over the alphabets these patterns stumble on, each ending in a
    /// character that forces the search to fail late.
    static let names: [String] = {
        let runs = ["a", "aa ", "_", "a_", "ab", "a\u{E9}", "x="]
        let endings = ["", "!", "b", "bxc", "!.pdf"]
        var names: [String] = []
        // A few `a`s among many `b`s, before or after them: each `.*` then scans the whole name per step.
        for count in 1...12 {
            for length in stride(from: 16, through: 255, by: 16) {
                let run = String(repeating: "a", count: count)
                let fill = String(repeating: "b", count: length - count)
                names += [run + fill, fill + run]
            }
        }
        for run in runs {
            for ending in endings {
                var name = ""
                while name.utf8.count + run.utf8.count + ending.utf8.count <= 255 {
                    name += run
                    names.append(name + ending)
                }
            }
        }
        return names
    }()
}
