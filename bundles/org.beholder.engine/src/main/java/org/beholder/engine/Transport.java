package org.beholder.engine;

/** How RTSP media travels. TCP (interleaved) is the default: it survives NAT and lossy Wi-Fi without artefacts. */
public enum Transport {
    TCP,
    UDP
}
