import Foundation
import Kernel
import Testing

/// Code 128 set B against the module patterns of an independent encoder (python-barcode 0.16.1).
@Suite("Code 128 labels")
struct Code128Tests {
    @Test("encodes set B with its checksum exactly as a reference encoder does")
    func reference() {
        #expect(
            Code128.modules("PJJ123C")
                == "1101001000011101110110101101110001011011100010011100110110011100101100101110010001000110111010001101100011101011")
        #expect(
            Code128.modules("JZ-A7") == "110100100001011011100011101100010100110111001010001100011101101110101000110001100011101011")
    }

    @Test("refuses what set B cannot carry, and draws one bar per run of ones")
    func svg() throws {
        #expect(Code128.modules("") == nil)
        #expect(Code128.modules("绝密") == nil)
        let bits = try #require(Code128.modules("ZT-2026-0001"))
        let runs = bits.split(separator: "0", omittingEmptySubsequences: true).count
        let svg = try #require(Code128.svg("ZT-2026-0001"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == runs)
    }
}
