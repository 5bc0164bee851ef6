// Incremental SHA-256 (OpenSSL's libcrypto, which uses the processor's SHA instructions), so an
// input is hashed while it is read rather than in a second pass (SPEC §5 inputs).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace poolkit {

class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    std::string hex(); // finishes the hash; lower-case hex digest

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view bytes);

} // namespace poolkit
