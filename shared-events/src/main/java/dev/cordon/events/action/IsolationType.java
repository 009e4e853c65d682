package dev.cordon.events.action;

/** Full cuts every connection but the service's; Selective keeps Outlook, Teams and Skype for Business. */
public enum IsolationType {
    Full,
    Selective
}
