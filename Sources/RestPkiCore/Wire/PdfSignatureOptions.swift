// PDF (PAdES) signature options of a session or a predefined document. All fields are optional unless the API
// marks them required; nil fields are omitted when encoding.

/// PDF signature options (`PdfSignatureOptions` in the API), for the whole session or one document.
///
/// Session-level options apply to uploaded PDFs and to predefined documents lacking their own. Absent in API
/// 1.10.x.
public struct PdfSignatureOptions: Codable, Hashable, Sendable {
    /// The visible signature stamp.
    public var visualRepresentation: PadesVisualRepresentationModel?
    /// The unit of the coordinates.
    public var measurementUnits: PadesMeasurementUnits?
    /// How pages are normalised before the stamp is placed.
    public var pageOptimization: PadesPageOptimizationModel?
    /// Convert the document to PDF/A before signing (server 4.2.0+; fails with `PdfAConversionNotAvailable` when
    /// the instance lacks the service). Documented in docs-v2 only, not in any published spec yet.
    public var convertToPdfA: Bool?

    /// Creates PDF signature options.
    public init(
        visualRepresentation: PadesVisualRepresentationModel? = nil, measurementUnits: PadesMeasurementUnits? = nil,
        pageOptimization: PadesPageOptimizationModel? = nil, convertToPdfA: Bool? = nil
    ) {
        self.visualRepresentation = visualRepresentation
        self.measurementUnits = measurementUnits
        self.pageOptimization = pageOptimization
        self.convertToPdfA = convertToPdfA
    }
}

/// A visible signature stamp (`PadesVisualRepresentationModel` in the API).
public struct PadesVisualRepresentationModel: Codable, Hashable, Sendable {
    /// The text of the stamp.
    public var text: PadesVisualTextModel?
    /// The image of the stamp.
    public var image: PadesVisualImageModel?
    /// Where the stamp goes. Required by the API.
    public var position: PadesVisualPositioningModel

    /// Creates a visual representation.
    public init(
        text: PadesVisualTextModel? = nil, image: PadesVisualImageModel? = nil, position: PadesVisualPositioningModel
    ) {
        self.text = text
        self.image = image
        self.position = position
    }
}

/// The text of a signature stamp (`PadesVisualTextModel` in the API).
public struct PadesVisualTextModel: Codable, Hashable, Sendable {
    /// The font size.
    public var fontSize: Double?
    /// The text, with the server's placeholders.
    public var text: String?
    /// Whether the signing time is appended.
    public var includeSigningTime: Bool?
    /// The horizontal alignment.
    public var horizontalAlign: PadesTextHorizontalAlign?
    /// The rectangle holding the text, inside the stamp.
    public var container: PadesVisualRectangleModel?

    /// Creates a stamp text.
    public init(
        fontSize: Double? = nil, text: String? = nil, includeSigningTime: Bool? = nil,
        horizontalAlign: PadesTextHorizontalAlign? = nil, container: PadesVisualRectangleModel? = nil
    ) {
        self.fontSize = fontSize
        self.text = text
        self.includeSigningTime = includeSigningTime
        self.horizontalAlign = horizontalAlign
        self.container = container
    }
}

/// The image of a signature stamp (`PadesVisualImageModel` in the API).
public struct PadesVisualImageModel: Codable, Hashable, Sendable {
    /// The image bytes or address.
    public var resource: ResourceContentOrReference?
    /// The opacity, 0–100.
    public var opacity: Int?
    /// The horizontal alignment.
    public var horizontalAlign: PadesHorizontalAlign?
    /// The vertical alignment.
    public var verticalAlign: PadesVerticalAlign?

    /// Creates a stamp image.
    public init(
        resource: ResourceContentOrReference? = nil, opacity: Int? = nil,
        horizontalAlign: PadesHorizontalAlign? = nil, verticalAlign: PadesVerticalAlign? = nil
    ) {
        self.resource = resource
        self.opacity = opacity
        self.horizontalAlign = horizontalAlign
        self.verticalAlign = verticalAlign
    }
}

/// Where a signature stamp goes (`PadesVisualPositioningModel` in the API): automatic or manual placement.
public struct PadesVisualPositioningModel: Codable, Hashable, Sendable {
    /// The page number; negative numbers count from the end.
    public var pageNumber: Int?
    /// The unit of the coordinates.
    public var measurementUnits: PadesMeasurementUnits?
    /// How pages are normalised before placement.
    public var pageOptimization: PadesPageOptimizationModel?
    /// Automatic placement.
    public var auto: PadesVisualAutoPositioningModel?
    /// Manual placement.
    public var manual: PadesVisualRectangleModel?

    /// Creates a positioning.
    public init(
        pageNumber: Int? = nil, measurementUnits: PadesMeasurementUnits? = nil,
        pageOptimization: PadesPageOptimizationModel? = nil, auto: PadesVisualAutoPositioningModel? = nil,
        manual: PadesVisualRectangleModel? = nil
    ) {
        self.pageNumber = pageNumber
        self.measurementUnits = measurementUnits
        self.pageOptimization = pageOptimization
        self.auto = auto
        self.manual = manual
    }
}

/// Automatic placement of signature stamps (`PadesVisualAutoPositioningModel` in the API).
public struct PadesVisualAutoPositioningModel: Codable, Hashable, Sendable {
    /// The area in which stamps are laid out. Required by the API.
    public var container: PadesVisualRectangleModel
    /// The size of each stamp. Required by the API.
    public var signatureRectangleSize: PadesSizeModel
    /// The horizontal layout direction.
    public var horizontalDirection: AutoPositioningHorizontalDirection?
    /// The vertical layout direction.
    public var verticalDirection: AutoPositioningVerticalDirection?
    /// The space between rows.
    public var rowSpacing: Double?

    /// Creates an automatic placement.
    public init(
        container: PadesVisualRectangleModel, signatureRectangleSize: PadesSizeModel,
        horizontalDirection: AutoPositioningHorizontalDirection? = nil,
        verticalDirection: AutoPositioningVerticalDirection? = nil, rowSpacing: Double? = nil
    ) {
        self.container = container
        self.signatureRectangleSize = signatureRectangleSize
        self.horizontalDirection = horizontalDirection
        self.verticalDirection = verticalDirection
        self.rowSpacing = rowSpacing
    }
}

/// A rectangle given by any sufficient subset of its edges and size (`PadesVisualRectangleModel` in the API).
public struct PadesVisualRectangleModel: Codable, Hashable, Sendable {
    /// Distance from the left edge of the page.
    public var left: Double?
    /// Distance from the top edge of the page.
    public var top: Double?
    /// Distance from the right edge of the page.
    public var right: Double?
    /// Distance from the bottom edge of the page.
    public var bottom: Double?
    /// The width.
    public var width: Double?
    /// The height.
    public var height: Double?

    /// Creates a rectangle.
    public init(
        left: Double? = nil, top: Double? = nil, right: Double? = nil, bottom: Double? = nil,
        width: Double? = nil, height: Double? = nil
    ) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
        self.width = width
        self.height = height
    }
}

/// A size (`PadesSizeModel` in the API).
public struct PadesSizeModel: Codable, Hashable, Sendable {
    /// The height.
    public var height: Double
    /// The width.
    public var width: Double

    /// Creates a size.
    public init(height: Double, width: Double) {
        self.height = height
        self.width = width
    }
}

/// How pages are normalised before a stamp is placed (`PadesPageOptimizationModel` in the API).
public struct PadesPageOptimizationModel: Codable, Hashable, Sendable {
    /// The paper size.
    public var paperSize: PaperSize?
    /// The size when `paperSize` is `Custom`.
    public var customPaperSize: PadesSizeModel?
    /// The page orientation.
    public var pageOrientation: PageOrientation?

    /// Creates a page optimisation.
    public init(
        paperSize: PaperSize? = nil, customPaperSize: PadesSizeModel? = nil, pageOrientation: PageOrientation? = nil
    ) {
        self.paperSize = paperSize
        self.customPaperSize = customPaperSize
        self.pageOrientation = pageOrientation
    }
}
