// Open string enumerations used by the PDF (PAdES) and CMS signature options.
// See `RestPkiEnumeration` for the tolerance rules.

/// The unit of the coordinates in PAdES visual-representation models (`PadesMeasurementUnits` in the API).
public struct PadesMeasurementUnits: RestPkiEnumeration {
    /// The wire string, e.g. `"Centimeters"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Centimetres.
    public static let centimeters = Self(verbatim: "Centimeters")
    /// PDF points (1/72 inch).
    public static let pdfPoints = Self(verbatim: "PdfPoints")

    /// The documented values.
    public static let documentedRawValues = ["Centimeters", "PdfPoints"]
}

/// Horizontal alignment of the text of a visual signature (`PadesTextHorizontalAlign` in the API).
public struct PadesTextHorizontalAlign: RestPkiEnumeration {
    /// The wire string, e.g. `"Left"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Aligned left.
    public static let left = Self(verbatim: "Left")
    /// Aligned right.
    public static let right = Self(verbatim: "Right")

    /// The documented values.
    public static let documentedRawValues = ["Left", "Right"]
}

/// Horizontal alignment of the image of a visual signature (`PadesHorizontalAlign` in the API).
public struct PadesHorizontalAlign: RestPkiEnumeration {
    /// The wire string, e.g. `"Center"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Aligned left.
    public static let left = Self(verbatim: "Left")
    /// Centred.
    public static let center = Self(verbatim: "Center")
    /// Aligned right.
    public static let right = Self(verbatim: "Right")

    /// The documented values.
    public static let documentedRawValues = ["Left", "Center", "Right"]
}

/// Vertical alignment of the image of a visual signature (`PadesVerticalAlign` in the API).
public struct PadesVerticalAlign: RestPkiEnumeration {
    /// The wire string, e.g. `"Top"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Aligned to the top.
    public static let top = Self(verbatim: "Top")
    /// Centred.
    public static let center = Self(verbatim: "Center")
    /// Aligned to the bottom.
    public static let bottom = Self(verbatim: "Bottom")

    /// The documented values.
    public static let documentedRawValues = ["Top", "Center", "Bottom"]
}

/// Horizontal direction in which automatically positioned signatures are laid out
/// (`AutoPositioningHorizontalDirections` in the API).
public struct AutoPositioningHorizontalDirection: RestPkiEnumeration {
    /// The wire string, e.g. `"LeftToRight"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Left to right.
    public static let leftToRight = Self(verbatim: "LeftToRight")
    /// Right to left.
    public static let rightToLeft = Self(verbatim: "RightToLeft")

    /// The documented values.
    public static let documentedRawValues = ["LeftToRight", "RightToLeft"]
}

/// Vertical direction in which automatically positioned signatures are laid out
/// (`AutoPositioningVerticalDirections` in the API).
public struct AutoPositioningVerticalDirection: RestPkiEnumeration {
    /// The wire string, e.g. `"TopDown"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Top down.
    public static let topDown = Self(verbatim: "TopDown")
    /// Bottom up.
    public static let bottomUp = Self(verbatim: "BottomUp")

    /// The documented values.
    public static let documentedRawValues = ["TopDown", "BottomUp"]
}

/// A paper size used for page optimisation (`PaperSizes` in the API).
public struct PaperSize: RestPkiEnumeration {
    /// The wire string, e.g. `"A4"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// A custom size, given in `PadesPageOptimizationModel.customPaperSize`.
    public static let custom = Self(verbatim: "Custom")
    /// ISO A0.
    public static let a0 = Self(verbatim: "A0")
    /// ISO A1.
    public static let a1 = Self(verbatim: "A1")
    /// ISO A2.
    public static let a2 = Self(verbatim: "A2")
    /// ISO A3.
    public static let a3 = Self(verbatim: "A3")
    /// ISO A4.
    public static let a4 = Self(verbatim: "A4")
    /// ISO A5.
    public static let a5 = Self(verbatim: "A5")
    /// ISO A6.
    public static let a6 = Self(verbatim: "A6")
    /// ISO A7.
    public static let a7 = Self(verbatim: "A7")
    /// ISO A8.
    public static let a8 = Self(verbatim: "A8")
    /// US Letter.
    public static let letter = Self(verbatim: "Letter")
    /// US Legal.
    public static let legal = Self(verbatim: "Legal")
    /// US Ledger.
    public static let ledger = Self(verbatim: "Ledger")

    /// The documented values.
    public static let documentedRawValues = [
        "Custom", "A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "Letter", "Legal", "Ledger",
    ]
}

/// A page orientation used for page optimisation (`PageOrientations` in the API).
public struct PageOrientation: RestPkiEnumeration {
    /// The wire string, e.g. `"Portrait"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Chosen by the server.
    public static let auto = Self(verbatim: "Auto")
    /// Portrait.
    public static let portrait = Self(verbatim: "Portrait")
    /// Landscape.
    public static let landscape = Self(verbatim: "Landscape")

    /// The documented values.
    public static let documentedRawValues = ["Auto", "Portrait", "Landscape"]
}

/// A digest algorithm (`DigestAlgorithms` in the API).
public struct DigestAlgorithm: RestPkiEnumeration {
    /// The wire string, e.g. `"SHA256"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// MD5.
    public static let md5 = Self(verbatim: "MD5")
    /// SHA-1.
    public static let sha1 = Self(verbatim: "SHA1")
    /// SHA-256.
    public static let sha256 = Self(verbatim: "SHA256")
    /// SHA-384.
    public static let sha384 = Self(verbatim: "SHA384")
    /// SHA-512.
    public static let sha512 = Self(verbatim: "SHA512")
    /// SHA3-256.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let sha3_256 = Self(verbatim: "SHA3_256")

    /// The documented values.
    public static let documentedRawValues = ["MD5", "SHA1", "SHA256", "SHA384", "SHA512", "SHA3_256"]
}
