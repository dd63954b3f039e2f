/// A second, deliberately naive implementation of the WHATWG MIME Sniffing standard's "parse a MIME type"
/// (mimesniff.spec.whatwg.org, §4.4), written step by step over Unicode scalars from the standard's text.
/// The fuzz target compares ``MediaType`` against it; it is slow and never used outside the fuzzer.
struct WHATWGMIMEType: Equatable {
    var type: String
    var subtype: String
    var parameters: [(name: String, value: String)]

    static func == (lhs: WHATWGMIMEType, rhs: WHATWGMIMEType) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Returns nil where the standard returns failure.
    init?(parsing input: String) {
        var scalars = Array(input.unicodeScalars)
        while let first = scalars.first, Self.isHTTPWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, Self.isHTTPWhitespace(last) { scalars.removeLast() }
        var position = 0

        let type = Self.collect(scalars, &position) { $0 != "/" }
        guard !type.isEmpty, type.allSatisfy(Self.isTokenCodePoint), position < scalars.count else { return nil }
        position += 1
        var subtype = Self.collect(scalars, &position) { $0 != ";" }
        while let last = subtype.last, Self.isHTTPWhitespace(last) { subtype.removeLast() }
        guard !subtype.isEmpty, subtype.allSatisfy(Self.isTokenCodePoint) else { return nil }

        self.type = Self.string(Self.asciiLowercase(type))
        self.subtype = Self.string(Self.asciiLowercase(subtype))
        parameters = []
        while position < scalars.count {
            position += 1
            _ = Self.collect(scalars, &position, while: Self.isHTTPWhitespace)
            let name = Self.asciiLowercase(Self.collect(scalars, &position) { $0 != ";" && $0 != "=" })
            if position < scalars.count {
                if scalars[position] == ";" { continue }
                position += 1
            }
            if position >= scalars.count { break }
            var value: [Unicode.Scalar]
            if scalars[position] == "\"" {
                value = Self.collectQuotedString(scalars, &position)
                _ = Self.collect(scalars, &position) { $0 != ";" }
            } else {
                value = Self.collect(scalars, &position) { $0 != ";" }
                while let last = value.last, Self.isHTTPWhitespace(last) { value.removeLast() }
                if value.isEmpty { continue }
            }
            let nameText = Self.string(name)
            if !name.isEmpty, name.allSatisfy(Self.isTokenCodePoint), value.allSatisfy(Self.isQuotedStringCodePoint),
                !parameters.contains(where: { $0.name == nameText })
            {
                parameters.append((nameText, Self.string(value)))
            }
        }
    }

    var essence: String { type + "/" + subtype }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private static func collect(
        _ scalars: [Unicode.Scalar], _ position: inout Int, while condition: (Unicode.Scalar) -> Bool
    ) -> [Unicode.Scalar] {
        let start = position
        while position < scalars.count, condition(scalars[position]) { position += 1 }
        return Array(scalars[start..<position])
    }

    /// "Collect an HTTP quoted string" with the extract-value flag set.
    private static func collectQuotedString(_ scalars: [Unicode.Scalar], _ position: inout Int) -> [Unicode.Scalar] {
        var value: [Unicode.Scalar] = []
        position += 1
        while true {
            value += collect(scalars, &position) { $0 != "\"" && $0 != "\\" }
            if position >= scalars.count { break }
            let quoteOrBackslash = scalars[position]
            position += 1
            if quoteOrBackslash == "\\" {
                if position >= scalars.count {
                    value.append("\\")
                    break
                }
                value.append(scalars[position])
                position += 1
            } else {
                break
            }
        }
        return value
    }

    private static func asciiLowercase(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 0x20)! : $0 }
    }

    private static func isHTTPWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " "
    }

    private static func isTokenCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar) || ("a"..."z").contains(scalar)
            || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isQuotedStringCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || (0x20...0x7E).contains(scalar.value) || (0x80...0xFF).contains(scalar.value)
    }
}
