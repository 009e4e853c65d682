package dev.cordon.events.device;

/** Operating system platforms, spelled as the Defender API spells them. */
public enum OsPlatform {
    Windows10,
    Windows11,
    WindowsServer2012R2,
    WindowsServer2016,
    WindowsServer2019,
    WindowsServer2022,
    macOS,
    Linux
}
