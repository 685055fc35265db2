#!/usr/bin/python3
"""The camera of the tests: GStreamer's own RTSP server serving x264 with a fixed GOP and a moving ball.

usage: rtsp_camera.py PORT [--user U --password P] [--gop N] [--fps N] [--size WxH] [--codec h264|h265]
                      [--file F] [--unshared] [--motion-toggle SECONDS] [--corrupt]
Prints "READY rtsp://127.0.0.1:PORT/cam" once listening. Serves only on loopback.
"""
import argparse, sys
import gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib

args = argparse.ArgumentParser()
args.add_argument('port', type=int)
args.add_argument('--user'); args.add_argument('--password')
args.add_argument('--gop', type=int, default=15); args.add_argument('--fps', type=int, default=15)
args.add_argument('--size', default='320x240'); args.add_argument('--codec', default='h264')
args.add_argument('--bitrate', type=int, default=400); args.add_argument('--file')
args.add_argument('--unshared', action='store_true', help='a media pipeline per client')
args.add_argument('--motion-toggle', type=int, default=0, help='seconds of moving ball, then as many of stillness')
args.add_argument('--corrupt', action='store_true', help='claims H.264 but its payload is MPEG-2 video')
a = args.parse_args()
Gst.init(None)
w, h = a.size.split('x')
if a.file:  # a pre-encoded H.264 TS file: serving it costs the server almost nothing
    launch = (f'( multifilesrc location={a.file} loop=true ! tsdemux ! h264parse ! rtph264pay name=pay0 pt=96 '
              f'config-interval=-1 )')
elif a.corrupt:  # a broken camera: an "H.264" stream whose bytes are MPEG-2 video; the server cannot describe it
    launch = ('( videotestsrc is-live=true pattern=ball ! video/x-raw,format=I420,width=352,height=288,framerate=25/1 '
              '! mpeg2enc format=3 ! mpegvideoparse '
              '! capssetter replace=true caps="video/x-h264,stream-format=byte-stream,alignment=au" '
              '! rtph264pay name=pay0 pt=96 config-interval=-1 )')
elif a.codec == 'h265':
    launch = (f'( videotestsrc is-live=true pattern=ball ! video/x-raw,width={w},height={h},framerate={a.fps}/1 '
              f'! x265enc key-int-max={a.gop} tune=zerolatency speed-preset=ultrafast bitrate={a.bitrate} '
              f'option-string=scenecut=0 ! h265parse ! rtph265pay name=pay0 pt=96 config-interval=-1 )')
elif a.motion_toggle:
    caps = f'video/x-raw,width={w},height={h},framerate={a.fps}/1'
    launch = (f'( input-selector name=sel ! x264enc key-int-max={a.gop} tune=zerolatency speed-preset=ultrafast '
              f'bitrate={a.bitrate} option-string=scenecut=0 ! rtph264pay name=pay0 pt=96 config-interval=-1 '
              f'videotestsrc is-live=true pattern=ball ! {caps} ! sel.sink_0 '
              f'videotestsrc is-live=true pattern=black ! {caps} ! sel.sink_1 )')
else:
    launch = (f'( videotestsrc is-live=true pattern=ball ! video/x-raw,width={w},height={h},framerate={a.fps}/1 '
              f'! x264enc key-int-max={a.gop} tune=zerolatency speed-preset=ultrafast bitrate={a.bitrate} '
              f'option-string=scenecut=0 ! rtph264pay name=pay0 pt=96 config-interval=-1 )')

server = GstRtspServer.RTSPServer()
server.set_address('127.0.0.1')
server.set_service(str(a.port))
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(launch)
factory.set_shared(not a.unshared)
if a.user:
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, 'viewer')
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(a.user, a.password), token)
    server.set_auth(auth)
    factory.add_role_from_structure(Gst.Structure.new_from_string(
        'viewer, media.factory.access=(boolean)true, media.factory.construct=(boolean)true'))
if a.motion_toggle:
    def toggle(selector):
        pads = [selector.get_static_pad('sink_0'), selector.get_static_pad('sink_1')]
        current = selector.get_property('active-pad')
        selector.set_property('active-pad', pads[1] if current == pads[0] else pads[0])
        return True

    def configured(factory, media):
        selector = media.get_element().get_by_name('sel')
        GLib.timeout_add_seconds(a.motion_toggle, toggle, selector)

    factory.connect('media-configure', configured)
server.get_mount_points().add_factory('/cam', factory)
if server.attach(None) == 0:
    print('ERROR cannot listen on port', a.port, flush=True)
    sys.exit(1)
print(f'READY rtsp://127.0.0.1:{a.port}/cam', flush=True)
GLib.MainLoop().run()
