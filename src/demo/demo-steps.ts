// Each capability registers its demo step here, in story order (roster → cards → petition → …).
// Importing this file once (bootstrap does) puts them all in `demoSteps`.
import './cards-demo-step.js';
// After the cards: the ratings follow the card signers.
import './organizing-demo.js';
import './conduct-demo.js';
import './demo-petition.js';
import './public-content-demo.js';
