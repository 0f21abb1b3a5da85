import LedgerportSDK

/// Exact ordering of JSON numbers for `minimum`, `maximum` and their exclusive forms.
///
/// Numbers that fit ``ExactDecimal`` are compared with its exact arithmetic.
/// When that overflows (for example `1e30` against `0.5`) or a number does not
/// fit at all (`JSONNumber` then keeps its literal), the decimal texts are
/// compared digit by digit, which is exact for any size. No floating point.
enum NumberComparison {
    /// Returns -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`.
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if let left = lhs.decimal, let right = rhs.decimal, let difference = try? left - right {
            return Int(difference.significand.signum())
        }
        return DecimalText(lhs.description).compare(to: DecimalText(rhs.description))
    }
}

/// A decimal literal as sign, significant digits and the exponent of the first digit.
///
/// `-12.5e3` becomes negative, digits `125`, exponent 5 (the value is 0.125 × 10^5).
/// Zero has no digits.
private struct DecimalText {
    var negative = false
    var digits: [UInt8] = []
    var exponent = 0

    init(_ text: String) {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var pointOffset: Int?
        var all: [UInt8] = []
        var explicitExponent = 0
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                pointOffset = all.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                explicitExponent = Int(String(decoding: bytes, as: UTF8.self)) ?? 0
                break
            } else {
                all.append(byte)
            }
        }
        let integerDigits = pointOffset ?? all.count
        let leadingZeros = all.prefix(while: { $0 == UInt8(ascii: "0") }).count
        digits = Array(all.dropFirst(leadingZeros))
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
        }
        exponent = integerDigits - leadingZeros + explicitExponent
        if digits.isEmpty {
            negative = false
        }
    }

    func compare(to other: DecimalText) -> Int {
        let sign = digits.isEmpty ? 0 : (negative ? -1 : 1)
        let otherSign = other.digits.isEmpty ? 0 : (other.negative ? -1 : 1)
        guard sign == otherSign else {
            return sign < otherSign ? -1 : 1
        }
        guard sign != 0 else {
            return 0
        }
        return sign * compareMagnitude(to: other)
    }

    private func compareMagnitude(to other: DecimalText) -> Int {
        if exponent != other.exponent {
            return exponent < other.exponent ? -1 : 1
        }
        for index in 0..<max(digits.count, other.digits.count) {
            let left = index < digits.count ? digits[index] : UInt8(ascii: "0")
            let right = index < other.digits.count ? other.digits[index] : UInt8(ascii: "0")
            if left != right {
                return left < right ? -1 : 1
            }
        }
        return 0
    }
}
