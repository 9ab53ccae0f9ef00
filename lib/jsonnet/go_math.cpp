#include "jsonnet/go_math.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>

// Every operation here must round exactly as Go's did: one IEEE operation per step, in Go's
// order, never fused into FMAs (CMakeLists.txt compiles this file with -ffp-contract=off).
// The one FMA below is Go's own: its Exp uses fused multiply-adds on CPUs that have them.

namespace kgen::jsonnet {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPi = 3.14159265358979323846264338327950288419716939937510582097494459;
constexpr double kPi2 = kPi / 2;  // exact halving of the rounded constant, as Go's Pi/2
constexpr double kPi4 = kPi / 4;
constexpr double k4OverPi = 1.27323954473516268615107010698011489627567716592365158998133875;

uint64_t bits_of(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

double from_bits(uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// Payne-Hanek reduction of x >= 2^29 by Pi/4, as Go 1.19's trigReduce: the octant (j) and
// the remainder (z), from 4/Pi's binary digits with 64-bit integer arithmetic.
constexpr uint64_t kFourOverPiDigits[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083, 0xfca2c757bd778ac3,
    0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d, 0xd1046bea5d768909, 0xd338e04d68befc82,
    0x7323ac7306a673e9, 0x3908bf177bf25076, 0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e,
    0x9e8c7ecd3cbfd45a, 0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
};
constexpr double kReduceThreshold = 1 << 29;

// Go's shifts by 64 or more give 0 (C++'s are undefined).
uint64_t shl(uint64_t v, unsigned n) { return n >= 64 ? 0 : v << n; }
uint64_t shr(uint64_t v, unsigned n) { return n >= 64 ? 0 : v >> n; }

void trig_reduce(double x, uint64_t* j_out, double* z_out) {
  if (x < kPi4) {
    *j_out = 0;
    *z_out = x;
    return;
  }
  uint64_t ix = bits_of(x);
  const int exp = static_cast<int>((ix >> 52) & 0x7ff) - 1023 - 52;
  ix &= ~(uint64_t{0x7ff} << 52);
  ix |= uint64_t{1} << 52;
  const unsigned digit = static_cast<unsigned>(exp + 61) / 64;
  const unsigned bitshift = static_cast<unsigned>(exp + 61) % 64;
  const uint64_t* d = kFourOverPiDigits;
  const uint64_t z0 = shl(d[digit], bitshift) | shr(d[digit + 1], 64 - bitshift);
  const uint64_t z1 = shl(d[digit + 1], bitshift) | shr(d[digit + 2], 64 - bitshift);
  const uint64_t z2 = shl(d[digit + 2], bitshift) | shr(d[digit + 3], 64 - bitshift);
  using u128 = unsigned __int128;
  const uint64_t z2hi = static_cast<uint64_t>((u128{z2} * ix) >> 64);
  const u128 z1ix = u128{z1} * ix;
  const uint64_t z1hi = static_cast<uint64_t>(z1ix >> 64);
  const uint64_t z1lo = static_cast<uint64_t>(z1ix);
  const uint64_t z0lo = z0 * ix;
  const uint64_t lo = z1lo + z2hi;
  const uint64_t carry = lo < z1lo ? 1 : 0;
  uint64_t hi = z0lo + z1hi + carry;
  uint64_t j = hi >> 61;
  hi = hi << 3 | lo >> 61;
  const unsigned lz = hi == 0 ? 64 : static_cast<unsigned>(__builtin_clzll(hi));
  const uint64_t e = static_cast<uint64_t>(1023 - (static_cast<int>(lz) + 1));
  hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
  hi >>= 64 - 52;
  hi |= e << 52;
  double z = from_bits(hi);
  if ((j & 1) == 1) {
    ++j;
    j &= 7;
    z -= 1;
  }
  *j_out = j;
  *z_out = z * kPi4;
}

// Pi/4 in three parts for the reduction below 2^29 (Cephes).
constexpr double kPi4A = 7.85398125648498535156e-1;
constexpr double kPi4B = 3.77489470793079817668e-8;
constexpr double kPi4C = 2.69515142907905952645e-15;

void reduce(double x, uint64_t* j, double* z) {
  if (x >= kReduceThreshold) {
    trig_reduce(x, j, z);
    return;
  }
  *j = static_cast<uint64_t>(x * k4OverPi);
  double y = static_cast<double>(*j);
  if ((*j & 1) == 1) {  // map zeros to the origin
    ++*j;
    y += 1;
  }
  *j &= 7;
  *z = ((x - y * kPi4A) - y * kPi4B) - y * kPi4C;
}

constexpr double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
                           -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1};
constexpr double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
                           2.48015872888517045348e-5,   -1.38888888888730564116e-3, 4.16666666666665929218e-2};

double sin_poly(double z, double zz) {
  return z + z * zz * ((((((kSin[0] * zz) + kSin[1]) * zz + kSin[2]) * zz + kSin[3]) * zz + kSin[4]) * zz + kSin[5]);
}

double cos_poly(double zz) {
  return 1.0 - 0.5 * zz +
         zz * zz * ((((((kCos[0] * zz) + kCos[1]) * zz + kCos[2]) * zz + kCos[3]) * zz + kCos[4]) * zz + kCos[5]);
}

// atan on [0, 0.66] (Cephes), and the reduction of a positive argument to it.
double xatan(double x) {
  constexpr double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
                   P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
                   P4 = -6.485021904942025371773e+01, Q0 = +2.485846490142306297962e+01,
                   Q1 = +1.650270098316988542046e+02, Q2 = +4.328810604912902668951e+02,
                   Q3 = +4.853903996359136964868e+02, Q4 = +1.945506571482613964425e+02;
  double z = x * x;
  z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}

double satan(double x) {
  constexpr double kMorebits = 6.123233995736765886130e-17;  // pi/2 = kPi2 + kMorebits
  constexpr double kTan3Pi8 = 2.41421356237309504880;
  if (x <= 0.66) return xatan(x);
  if (x > kTan3Pi8) return kPi2 - xatan(1 / x) + kMorebits;
  return kPi4 + xatan((x - 1) / (x + 1)) + 0.5 * kMorebits;
}

}  // namespace

// Go's amd64 assembly (Shibata's method): x = k*ln2 + r, exp(r/16) by Taylor series, squared
// four times. With FMA (the CPUs ks ran on had it), as Go chose at run time.
double go_exp(double x) {
  if (std::isnan(x) || x == kInf) return x;
  if (x == -kInf) return 0;
  if (x > 7.09782712893384e+02) return kInf;
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2U = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  // CVTSD2SL: round to nearest even; out of int32 range gives INT32_MIN (then underflow).
  const double t = std::nearbyint(kLog2e * x);
  const int32_t k = (t >= -2147483648.0 && t <= 2147483647.0) ? static_cast<int32_t>(t) : INT32_MIN;
  const double kf = k;
  x = std::fma(-kf, kLn2U, x);
  x = std::fma(-kf, kLn2L, x);
  x *= 0.0625;
  double p = 2.4801587301587301587e-5;
  for (double c : {1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3,
                   4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0}) {
    p = std::fma(p, x, c);
  }
  x *= p;
  for (int i = 0; i < 3; ++i) x *= x + 2.0;
  x = std::fma(x, x + 2.0, 1.0);
  const int64_t biased = int64_t{k} + 0x3ff;
  if (biased <= 0) {
    // A subnormal result: scaled by 2^(k+1022) (exact), then by 2^-1022 (one rounding).
    if (biased < -52) return 0;
    return x * from_bits(static_cast<uint64_t>(biased + 0x3fe) << 52) * from_bits(uint64_t{1} << 52);
  }
  if (biased >= 0x7ff) return kInf;
  return x * from_bits(static_cast<uint64_t>(biased) << 52);
}

// Go's amd64 assembly (FreeBSD's e_log.c): the exponent and mantissa straight from the bits
// (subnormals not renormalised), log(1+f) by a polynomial in s = f/(2+f).
double go_log(double x) {
  const uint64_t b = bits_of(x);
  if ((b & ~(uint64_t{1} << 63)) == 0) return -kInf;
  if (static_cast<int64_t>(b) < 0) return kNaN;
  if (b >= 0x7ff0000000000000ULL) return x;
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
  constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01, L3 = 2.857142874366239149e-01,
                   L4 = 2.222219843214978396e-01, L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                   L7 = 1.479819860511658591e-01;
  double f1 = from_bits((b & 0x000fffffffffffffULL) | bits_of(0.5));
  double k = static_cast<double>(static_cast<int32_t>((b >> 52) & 0x7ff) - 0x3fe);
  if (!(kHalfSqrt2 < f1)) {
    k -= 1;
    f1 *= 2;
  }
  const double f = f1 - 1;
  const double s = f / (2 + f);
  const double s2 = s * s;
  const double s4 = s2 * s2;
  const double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  const double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  const double R = t1 + t2;
  const double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + R) + k * kLn2Lo)) - f);
}

namespace {

bool is_odd_int(double x) {
  double xi;
  const double xf = std::modf(x, &xi);
  return xf == 0 && std::fabs(xi) < 9.2e18 && (static_cast<int64_t>(xi) & 1) == 1;
}

}  // namespace

// Go's pure-Go Pow: special cases, then x**yi by squaring mantissas (exponents kept apart)
// and x**yf by Exp(yf*Log(x)).
double go_pow(double x, double y) {
  if (y == 0 || x == 1) return 1;
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (x == 0) {
    if (y < 0) return is_odd_int(y) ? std::copysign(kInf, x) : kInf;
    return is_odd_int(y) ? x : 0;
  }
  if (std::isinf(y)) {
    if (x == -1) return 1;
    if ((std::fabs(x) < 1) == (y > 0)) return 0;
    return kInf;
  }
  if (std::isinf(x)) {
    if (x < 0) return go_pow(1 / x, -y);
    return y < 0 ? 0 : kInf;
  }
  if (y == 0.5) return std::sqrt(x);
  if (y == -0.5) return 1 / std::sqrt(x);
  double yi;
  double yf = std::modf(std::fabs(y), &yi);
  if (yf != 0 && x < 0) return kNaN;
  if (yi >= 9223372036854775808.0) {
    if (x == -1) return 1;
    if ((std::fabs(x) < 1) == (y > 0)) return 0;
    return kInf;
  }
  double a1 = 1.0;
  int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    a1 = go_exp(yf * go_log(x));
  }
  int xe_int;
  double x1 = std::frexp(x, &xe_int);
  int64_t xe = xe_int;
  for (int64_t i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;  // Go's xe <<= 1; a negative left shift is undefined in C++17
    if (x1 < .5) {
      x1 += x1;
      --xe;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  if (ae > 100000) ae = 100000;
  if (ae < -100000) ae = -100000;
  return std::ldexp(a1, static_cast<int>(ae));
}

double go_sin(double x) {
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return kNaN;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  uint64_t j;
  double z;
  reduce(x, &j, &z);
  if (j > 3) {
    sign = !sign;
    j -= 4;
  }
  const double zz = z * z;
  const double y = (j == 1 || j == 2) ? cos_poly(zz) : sin_poly(z, zz);
  return sign ? -y : y;
}

double go_cos(double x) {
  if (std::isnan(x) || std::isinf(x)) return kNaN;
  bool sign = false;
  x = std::fabs(x);
  uint64_t j;
  double z;
  reduce(x, &j, &z);
  if (j > 3) {
    j -= 4;
    sign = !sign;
  }
  if (j > 1) sign = !sign;
  const double zz = z * z;
  const double y = (j == 1 || j == 2) ? sin_poly(z, zz) : cos_poly(zz);
  return sign ? -y : y;
}

double go_tan(double x) {
  constexpr double P0 = -1.30936939181383777646e4, P1 = 1.15351664838587416140e6,
                   P2 = -1.79565251976484877988e7, Q1 = 1.36812963470692954678e4,
                   Q2 = -1.32089234440210967447e6, Q3 = 2.50083801823357915839e7,
                   Q4 = -5.38695755929454629881e7;
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return kNaN;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  uint64_t j;
  double z;
  reduce(x, &j, &z);  // Go did not mask the octant to 3 bits here; only bit 1 is read, the same
  const double zz = z * z;
  double y = zz > 1e-14 ? z + z * (zz * (((P0 * zz) + P1) * zz + P2) / ((((zz + Q1) * zz + Q2) * zz + Q3) * zz + Q4))
                        : z;
  if ((j & 2) == 2) y = -1 / y;
  return sign ? -y : y;
}

double go_asin(double x) {
  if (x == 0) return x;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  if (x > 1) return kNaN;
  double temp = std::sqrt(1 - x * x);
  temp = x > 0.7 ? kPi2 - satan(temp / x) : satan(x / temp);
  return sign ? -temp : temp;
}

double go_acos(double x) { return kPi2 - go_asin(x); }

double go_atan(double x) {
  if (x == 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

}  // namespace kgen::jsonnet
