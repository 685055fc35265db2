// In-browser effects for art installations and video walls: Pixi.js filters over the live picture, chosen per
// view, costing the server nothing. The video keeps playing underneath; the effect is drawn on a canvas above.
const VERTEX = `
in vec2 aPosition;
out vec2 vTextureCoord;
uniform highp vec4 uInputSize; // same precision as in the vertex stage, or the program does not link
uniform vec4 uOutputFrame;
uniform vec4 uOutputTexture;
void main(void) {
  vec2 position = aPosition * uOutputFrame.zw + uOutputFrame.xy;
  position.x = position.x * (2.0 / uOutputTexture.x) - 1.0;
  position.y = position.y * (2.0 * uOutputTexture.z / uOutputTexture.y) - uOutputTexture.z;
  gl_Position = vec4(position, 0.0, 1.0);
  vTextureCoord = aPosition * (uOutputFrame.zw * uInputSize.zw);
}`;

const PIXELATE = `
in vec2 vTextureCoord;
out vec4 finalColor;
uniform sampler2D uTexture;
uniform highp vec4 uInputSize; // same precision as in the vertex stage, or the program does not link
uniform float uBlock;
void main(void) {
  vec2 pixel = vTextureCoord * uInputSize.xy;
  vec2 centre = (floor(pixel / uBlock) + 0.5) * uBlock;
  finalColor = texture(uTexture, centre * uInputSize.zw);
}`;

const EDGE_GLOW = `
in vec2 vTextureCoord;
out vec4 finalColor;
uniform sampler2D uTexture;
uniform highp vec4 uInputSize; // same precision as in the vertex stage, or the program does not link
float luma(vec2 at) { return dot(texture(uTexture, at).rgb, vec3(0.299, 0.587, 0.114)); }
void main(void) {
  vec2 d = uInputSize.zw;
  float gx = luma(vTextureCoord + vec2(d.x, 0.0)) - luma(vTextureCoord - vec2(d.x, 0.0));
  float gy = luma(vTextureCoord + vec2(0.0, d.y)) - luma(vTextureCoord - vec2(0.0, d.y));
  float edge = clamp(length(vec2(gx, gy)) * 4.0, 0.0, 1.0);
  vec3 base = texture(uTexture, vTextureCoord).rgb * 0.25;
  finalColor = vec4(base + edge * vec3(0.3, 1.0, 0.9), 1.0);
}`;

export const EFFECTS = {
  none: 'No effect',
  colour: 'Colour shift',
  pixelate: 'Pixelate',
  edges: 'Edge glow',
  mirror: 'Mirror',
};

function shaderFilter(name, fragment, uniforms) {
  return new PIXI.Filter({
    glProgram: PIXI.GlProgram.from({ vertex: VERTEX, fragment, name }),
    resources: uniforms ? { effectUniforms: uniforms } : {}, // Pixi fails on an empty uniform group
  });
}

/** Runs the chosen effect over a video inside a stage element. */
export class EffectLayer {
  constructor(stage, video) {
    this.stage = stage;
    this.video = video;
    this.effect = 'none';
  }

  async set(effect) {
    this.effect = effect;
    if (effect === 'none') {
      this.destroy();
      return;
    }
    if (!window.PIXI) {
      return;
    }
    if (!this.app) {
      await this.create();
    }
    this.apply();
  }

  async create() {
    const app = new PIXI.Application();
    await app.init({ preference: 'webgl', backgroundAlpha: 0, antialias: false, preserveDrawingBuffer: true,
      resizeTo: this.stage, autoDensity: true });
    app.canvas.setAttribute('aria-hidden', 'true');
    app.canvas.dataset.effectCanvas = '';
    this.texture = PIXI.Texture.from(this.video);
    this.sprite = new PIXI.Sprite(this.texture);
    app.stage.addChild(this.sprite);
    app.ticker.add(() => this.layout());
    this.stage.appendChild(app.canvas);
    this.app = app;
  }

  /** Fits the picture into the stage like object-fit: contain, mirrored when asked. */
  layout() {
    const width = this.video.videoWidth;
    const height = this.video.videoHeight;
    if (!width || !height || !this.app) {
      return;
    }
    this.texture.source.update();
    const screen = this.app.screen;
    const scale = Math.min(screen.width / width, screen.height / height);
    const mirrored = this.effect === 'mirror';
    this.sprite.scale.set(mirrored ? -scale : scale, scale);
    this.sprite.x = (screen.width - width * scale) / 2 + (mirrored ? width * scale : 0);
    this.sprite.y = (screen.height - height * scale) / 2;
  }

  apply() {
    switch (this.effect) {
      case 'colour': {
        const matrix = new PIXI.ColorMatrixFilter();
        matrix.hue(160, false);
        matrix.saturate(0.6, true);
        this.sprite.filters = [matrix];
        break;
      }
      case 'pixelate':
        this.sprite.filters = [shaderFilter('beholder-pixelate', PIXELATE, { uBlock: { value: 16, type: 'f32' } })];
        break;
      case 'edges':
        this.sprite.filters = [shaderFilter('beholder-edges', EDGE_GLOW)];
        break;
      default:
        this.sprite.filters = [];
    }
    this.video.style.visibility = 'hidden';
  }

  destroy() {
    if (this.app) {
      this.app.destroy({ removeView: true }, { children: true, texture: false });
      this.app = null;
    }
    this.video.style.visibility = '';
  }
}

/** A labelled effect chooser wired to a layer. */
export function effectSelect(layer, label) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', `Effect for ${label}`);
  for (const [value, text] of Object.entries(EFFECTS)) {
    select.add(new Option(text, value));
  }
  select.addEventListener('change', () => layer.set(select.value));
  return select;
}
