/// An exact decimal number: `significand × 10^-scale`, with a 64-bit significand.
///
/// This is the arithmetic for amounts, quantities and rates that are not yet
/// money: every operation either gives the exact result or throws
/// ``ExactDecimalError/overflow``, and rounding happens only where a caller
/// asks for it with an explicit ``RoundingRule``. There is no floating point.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let significand: Int64
    /// The number of digits after the decimal point; negative for multiples of powers of ten.
    public let scale: Int

    public init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int64) {
        self.init(significand: integer, scale: 0)
    }

    public static let zero = ExactDecimal(0)

    /// Parses decimal text such as `"12.345"`, `"-0.5"` or `"1e3"`; returns nil for
    /// invalid text or a value that does not fit a 64-bit significand.
    public init?(parsing text: some StringProtocol) {
        var digits: Int64 = 0
        var scale = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var exponent = 0
        var bytes = Array(text.utf8)[...]

        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first {
            if byte.isASCIIDigit {
                let (shifted, overflow1) = digits.multipliedReportingOverflow(by: 10)
                let (added, overflow2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                digits = added
                sawDigit = true
                if sawPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            guard let parsed = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(parsed) < 400 else {
                return nil
            }
            exponent = parsed
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        self.init(significand: negative ? -digits : digits, scale: scale - exponent)
    }

    /// 10^exponent for 0 ≤ exponent ≤ 18, the range that fits `Int64`.
    public static func powerOfTen(_ exponent: Int) -> Int64? {
        guard exponent >= 0, exponent <= 18 else {
            return nil
        }
        var result: Int64 = 1
        for _ in 0..<exponent {
            result *= 10
        }
        return result
    }

    /// The same value with trailing zeros removed from the fraction and a scale of at least 0.
    public func normalized() -> ExactDecimal {
        var significand = significand
        var scale = scale
        while scale < 0 {
            let (shifted, overflow) = significand.multipliedReportingOverflow(by: 10)
            if overflow { return ExactDecimal(significand: significand, scale: scale) }
            significand = shifted
            scale += 1
        }
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        if significand == 0 {
            scale = 0
        }
        return ExactDecimal(significand: significand, scale: scale)
    }

    /// The value as an `Int64` when it is whole and in range.
    public var exactInt64: Int64? {
        try? rescaled(to: 0, rounding: .unnecessary).significand
    }

    /// Returns the same value with exactly `newScale` fraction digits.
    ///
    /// Adding digits is always exact. Removing digits applies `rounding`;
    /// with ``RoundingRule/unnecessary`` it throws ``ExactDecimalError/inexact``
    /// when a non-zero digit would be dropped.
    public func rescaled(to newScale: Int, rounding: RoundingRule) throws(ExactDecimalError) -> ExactDecimal {
        if newScale == scale {
            return self
        }
        if newScale > scale {
            guard let factor = ExactDecimal.powerOfTen(newScale - scale) else { throw .overflow }
            let (value, overflow) = significand.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw .overflow }
            return ExactDecimal(significand: value, scale: newScale)
        }
        let dropped = scale - newScale
        guard let divisor = ExactDecimal.powerOfTen(dropped) else {
            // More than 18 digits dropped: the result is zero or one unit, decided by rounding.
            return try ExactDecimal(significand: 0, scale: newScale)
                .adjustedForRounding(remainderSign: significand.signum(), halfOrMore: false, exactHalf: false, rule: rounding, isZero: significand == 0)
        }
        let quotient = significand / divisor
        let remainder = significand % divisor
        if remainder == 0 {
            return ExactDecimal(significand: quotient, scale: newScale)
        }
        let twice = remainder.magnitude * 2
        let base = ExactDecimal(significand: quotient, scale: newScale)
        return try base.adjustedForRounding(
            remainderSign: remainder.signum(), halfOrMore: twice >= divisor.magnitude,
            exactHalf: twice == divisor.magnitude, rule: rounding, isZero: false
        )
    }

    private func adjustedForRounding(
        remainderSign: Int64, halfOrMore: Bool, exactHalf: Bool, rule: RoundingRule, isZero: Bool
    ) throws(ExactDecimalError) -> ExactDecimal {
        if isZero { return self }
        let awayFromZero: Bool
        switch rule {
        case .unnecessary: throw .inexact
        case .down: awayFromZero = false
        case .up: awayFromZero = true
        case .halfUp: awayFromZero = halfOrMore
        case .halfEven: awayFromZero = exactHalf ? significand % 2 != 0 : halfOrMore
        case .floor: awayFromZero = remainderSign < 0
        case .ceiling: awayFromZero = remainderSign > 0
        }
        guard awayFromZero else { return self }
        let (value, overflow) = significand.addingReportingOverflow(remainderSign)
        guard !overflow else { throw .overflow }
        return ExactDecimal(significand: value, scale: scale)
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        let left = try lhs.rescaled(to: scale, rounding: .unnecessary)
        let right = try rhs.rescaled(to: scale, rounding: .unnecessary)
        let (sum, overflow) = left.significand.addingReportingOverflow(right.significand)
        guard !overflow else { throw .overflow }
        return ExactDecimal(significand: sum, scale: scale)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        try lhs + rhs.negated()
    }

    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        let (product, overflow) = lhs.significand.multipliedReportingOverflow(by: rhs.significand)
        guard !overflow else { throw .overflow }
        return ExactDecimal(significand: product, scale: lhs.scale + rhs.scale).normalized()
    }

    /// Divides and rounds the quotient to `scale` fraction digits with `rounding`.
    public func divided(by divisor: ExactDecimal, scale resultScale: Int, rounding: RoundingRule) throws(ExactDecimalError) -> ExactDecimal {
        guard divisor.significand != 0 else { throw .divisionByZero }
        // value = (a·10^-sa) / (b·10^-sb) = (a / b) · 10^(sb - sa); compute at resultScale + 1 guard digits.
        let shift = resultScale + divisor.scale - scale
        var numerator = significand
        var denominator = divisor.significand
        if shift >= 0 {
            guard let factor = ExactDecimal.powerOfTen(shift) else { throw .overflow }
            let (value, overflow) = numerator.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw .overflow }
            numerator = value
        } else {
            guard let factor = ExactDecimal.powerOfTen(-shift) else { throw .overflow }
            let (value, overflow) = denominator.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw .overflow }
            denominator = value
        }
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let base = ExactDecimal(significand: quotient, scale: resultScale)
        guard remainder != 0 else { return base }
        let sign: Int64 = (remainder < 0) != (denominator < 0) ? -1 : 1
        let twice = remainder.magnitude.multipliedReportingOverflow(by: 2)
        let halfOrMore = twice.overflow || twice.partialValue >= denominator.magnitude
        let exactHalf = !twice.overflow && twice.partialValue == denominator.magnitude
        return try base.adjustedForRounding(remainderSign: sign, halfOrMore: halfOrMore, exactHalf: exactHalf, rule: rounding, isZero: false)
    }

    public func negated() -> ExactDecimal {
        ExactDecimal(significand: -significand, scale: scale)
    }

    public var isNegative: Bool { significand < 0 }
    public var isZero: Bool { significand == 0 }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let leftSign = lhs.significand.signum()
        let rightSign = rhs.significand.signum()
        guard leftSign == rightSign else {
            return leftSign < rightSign
        }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return leftSign >= 0 ? magnitudeOrder < 0 : magnitudeOrder > 0
    }

    /// Compares `|lhs|` with `|rhs|` by their decimal digits, so no rescaling can overflow.
    /// Returns a negative number, zero or a positive number.
    private static func compareMagnitudes(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let leftDigits = Array(String(lhs.significand.magnitude).utf8)
        let rightDigits = Array(String(rhs.significand.magnitude).utf8)
        if lhs.significand == 0 || rhs.significand == 0 {
            return (lhs.significand == 0 ? 0 : 1) - (rhs.significand == 0 ? 0 : 1)
        }
        // The position of the leading digit relative to the decimal point decides first.
        let leftMagnitude = leftDigits.count - lhs.scale
        let rightMagnitude = rightDigits.count - rhs.scale
        if leftMagnitude != rightMagnitude {
            return leftMagnitude < rightMagnitude ? -1 : 1
        }
        let length = max(leftDigits.count, rightDigits.count)
        for index in 0..<length {
            let left = index < leftDigits.count ? leftDigits[index] : UInt8(ascii: "0")
            let right = index < rightDigits.count ? rightDigits[index] : UInt8(ascii: "0")
            if left != right {
                return left < right ? -1 : 1
            }
        }
        return 0
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let left = lhs.normalized()
        let right = rhs.normalized()
        return left.significand == right.significand && left.scale == right.scale
    }

    public func hash(into hasher: inout Hasher) {
        let value = normalized()
        hasher.combine(value.significand)
        hasher.combine(value.scale)
    }

    /// Plain decimal text with exactly ``scale`` fraction digits (`"12.340"` for scale 3), no exponent.
    public var description: String {
        if scale <= 0 {
            let zeros = String(repeating: "0", count: -scale)
            return significand == 0 ? "0" : String(significand) + zeros
        }
        let magnitude = String(significand.magnitude)
        let padded = magnitude.count <= scale ? String(repeating: "0", count: scale - magnitude.count + 1) + magnitude : magnitude
        let integerPart = padded.dropLast(scale)
        let fractionPart = padded.suffix(scale)
        return (significand < 0 ? "-" : "") + integerPart + "." + fractionPart
    }
}

/// How a value is rounded when digits must be dropped.
public enum RoundingRule: String, Sendable, CaseIterable, Codable {
    /// Throw rather than drop a non-zero digit.
    case unnecessary
    /// Toward zero.
    case down
    /// Away from zero.
    case up
    /// To nearest, ties away from zero (commercial rounding, Odoo's `HALF-UP`).
    case halfUp = "half_up"
    /// To nearest, ties to the even neighbour (banker's rounding).
    case halfEven = "half_even"
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}

/// Why an exact decimal operation failed.
public enum ExactDecimalError: Error, Sendable, Equatable, CustomStringConvertible {
    case overflow
    case inexact
    case divisionByZero

    public var description: String {
        switch self {
        case .overflow: "the result does not fit a 64-bit decimal significand"
        case .inexact: "the value has more fraction digits than allowed and no rounding was requested"
        case .divisionByZero: "division by zero"
        }
    }
}
