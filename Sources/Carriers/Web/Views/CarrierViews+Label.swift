/// 载体标签 — a carrier's printable label: level, number, custodian, the medium's
/// marking and the barcode.
extension CarrierViews {
    static func label(_ m: CarrierController.LabelModel, _ shell: PageShell) -> HTML {
        """
        <div class="bm-label" data-testid="label">
          <div class="bm-label-marking level-\(m.level)">\(m.marking)</div>
          <div class="bm-label-number">\(m.number)</div>
          <div class="bm-label-title">\(m.title)</div>
          <div>保管人/使用人：\(m.custodian)</div>
          \(m.medium.map(labelMedium))
          \(m.barcode.map(labelBarcode))
        </div>
        <p class="bm-noprint"><button type="button" class="btn btn-sm btn-primary" onclick="window.print()">打印</button></p>
        """
    }

    private static func labelMedium(_ medium: String) -> HTML { "<div>\(medium)</div>" }

    /// The barcode: an SVG the program draws from the carrier's number (`Code128.svg`), printed as markup.
    /// Trusted because it is generated here, never typed by a user.
    private static func labelBarcode(_ svg: String) -> HTML {
        #"<div class="bm-label-barcode" data-testid="barcode">\#(HTML(trusted: svg))</div>"#
    }
}
