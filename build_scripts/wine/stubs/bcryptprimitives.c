/* Test-prefix stub of bcryptprimitives.dll for wine 8 (never bundled, never shipped).
 *
 * Rust's standard library (pydantic_core, jiter) draws random bytes with ProcessPrng from
 * bcryptprimitives.dll since Rust 1.78; Windows 10 has it, wine 8 has no such DLL at all,
 * so the extension fails to load. This stub gives ProcessPrng on top of RtlGenRandom
 * (advapi32!SystemFunction036), which wine implements.
 * Built by build_scripts/windows_under_wine.sh with gcc-mingw-w64-x86-64-win32.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
