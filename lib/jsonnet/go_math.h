// The floating-point functions of Go's math package as the ks binary had them (Go 1.19,
// linux/amd64), so std.exp/log/pow/sin/cos/tan/asin/acos/atan give ks's last bits where glibc's
// libm differs (internal to the jsonnet stage). Written from the algorithms Go documents
// (Cephes for the trigonometric functions, FreeBSD msun for log, Shibata's method for exp);
// the recorded vectors in tests/jsonnet/go_math/ check them bit for bit.
#pragma once

namespace kgen::jsonnet {

double go_exp(double x);
double go_log(double x);
double go_pow(double x, double y);
double go_sin(double x);
double go_cos(double x);
double go_tan(double x);
double go_asin(double x);
double go_acos(double x);
double go_atan(double x);

}  // namespace kgen::jsonnet
